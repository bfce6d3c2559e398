// ContentSniffer: decides a file's kind from its bytes (libmagic), never from a
// name or a client-declared type, and maps it onto the allow-list (MediaKind).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>

#include "common/status.h"
#include "media/media_kind.h"

struct magic_set;  // libmagic's handle (magic_t), kept out of this header's users

namespace pillarbox::media {

class ContentSniffer {
 public:
  // Opens libmagic with its compiled database and the decompressing and
  // heavy parsers (compressed files, tar, CDF, ELF details, JSON, CSV, text
  // tokens) switched off. FailedPrecondition when the database cannot be
  // loaded (a broken installation).
  static Result<std::unique_ptr<ContentSniffer>> Create();
  ~ContentSniffer();
  ContentSniffer(const ContentSniffer&) = delete;
  ContentSniffer& operator=(const ContentSniffer&) = delete;

  // The allowed kind of `content`. InvalidArgument (field "file", a message
  // naming the allowed kinds, never the content) when it is empty, not of an
  // allowed kind, or "text" that is not valid UTF-8 or holds a NUL or a
  // control character other than tab, line feed and carriage return. Only the
  // type is decided here: whether the file parses is the cleaners' job.
  // Thread-safe: the libmagic handle is used under a mutex.
  Result<MediaKind> Sniff(std::span<const uint8_t> content) const;

 private:
  explicit ContentSniffer(magic_set* cookie) : cookie_(cookie) {}

  mutable std::mutex mutex_;
  magic_set* cookie_;  // guarded by mutex_
};

}  // namespace pillarbox::media
