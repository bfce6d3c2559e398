#include "http/proof_of_work_check.h"

#include <pistache/router.h>

#include <string_view>

#include "intake/proof_of_work.h"

namespace pillarbox::http {

Status CheckProofOfWork(const Pistache::Rest::Request& request, const RouteContext& context) {
  if (context.proof_of_work == nullptr) return Status::Ok();
  const auto header = request.headers().tryGetRaw(kProofOfWorkHeader);
  if (!header) {
    return Status::InvalidArgument("a proof of work is required: GET /api/v1/pow and solve it", kProofOfWorkHeader);
  }
  const std::string value = header->value();  // Raw::value() returns a copy
  const size_t colon = value.find(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("must be <challenge>:<nonce>", kProofOfWorkHeader);
  }
  const std::string_view text = value;
  const Status spent = context.proof_of_work->Spend(text.substr(0, colon), text.substr(colon + 1));
  if (spent.ok() || spent.code() != StatusCode::kInvalidArgument) return spent;
  return spent.WithFieldPrefix(kProofOfWorkHeader);
}

}  // namespace pillarbox::http
