// The signed-in user, shared by every view through a context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

// { user: { user_id, username, role, desks, idle_timeout_seconds, expires_at },
//   signOut(reason) }
export const SessionContext = createContext(null);

// The session of the signed-in user (inside the app shell only).
export function useSession() {
  return useContext(SessionContext);
}

// True when `user` has one of `roles` (an array of role names).
export function hasRole(user, roles) {
  return Boolean(user) && roles.includes(user.role);
}
