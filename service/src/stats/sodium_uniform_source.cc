// SodiumUniformSource (declared in stats/sodium_uniform_source.h).
#include "stats/sodium_uniform_source.h"

#include "privacy/uniform_random.h"

namespace pillarbox::stats {

uint64_t SodiumUniformSource::Below(uint64_t bound) { return privacy::UniformBelow(bound); }

}  // namespace pillarbox::stats
