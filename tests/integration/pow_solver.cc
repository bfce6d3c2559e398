#include "pow_solver.h"

#include <cstdint>

#include <nlohmann/json.hpp>

#include "privacy/work_hash.h"

namespace pillarbox::testing {

bool Solves(const std::string& challenge, const std::string& nonce, int bits) {
  return privacy::LeadingZeroBits(privacy::Blake2b256(privacy::AsBytes(challenge), privacy::AsBytes(nonce))) >= bits;
}

std::string SolveChallenge(const std::string& challenge, int bits) {
  for (uint64_t n = 0;; ++n) {
    if (Solves(challenge, std::to_string(n), bits)) return std::to_string(n);
  }
}

std::string FetchAndSolve(HttpClient& client) {
  const HttpResponse response = client.Get("/api/v1/pow");
  if (response.status != 200) return "";
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body["challenge"].is_string() || !body["difficulty"].is_number_integer()) return "";
  const std::string challenge = body["challenge"];
  return challenge + ":" + SolveChallenge(challenge, body["difficulty"].get<int>());
}

}  // namespace pillarbox::testing
