// The insights views (see src/routes.js for the shape of a route).
export const routes = [];
