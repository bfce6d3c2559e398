// ValueHeader: a response header with a fixed name and a value given at
// construction. Pistache never sends headers added with addRaw(), so every
// custom header is a Http::Header::Header subclass; this template is that
// subclass for any name (the name is a constexpr char array with linkage).
// Thread-compatible.
#pragma once

#include <pistache/http_header.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>

namespace pillarbox::http {

template <const char* kName>
class ValueHeader final : public Pistache::Http::Header::Header {
 public:
  static constexpr uint64_t Hash = Pistache::Http::Header::detail::hash(kName);
  static constexpr const char* Name = kName;
  uint64_t hash() const override { return Hash; }
  const char* name() const override { return Name; }

  ValueHeader() = default;
  explicit ValueHeader(std::string value) : value_(std::move(value)) {}
  void parse(const std::string& data) override { value_ = data; }
  void write(std::ostream& stream) const override { stream << value_; }

 private:
  std::string value_;
};

}  // namespace pillarbox::http
