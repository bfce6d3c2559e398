#include "http/multipart_form.h"

#include <algorithm>
#include <cctype>

namespace pillarbox::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";

Status BadBody(const std::string& message) { return Status::InvalidArgument(message, "body"); }

std::string Lower(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// RFC 2046 bchars, without the space (which may not end a boundary anyway).
bool BoundaryChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("'()+_,-./:=?").find(c) != std::string_view::npos;
}

// The value of parameter `name` in "type; a=b; name=\"value\"", unquoted;
// nullopt when absent. Backslash escapes inside quotes are honoured.
std::optional<std::string> Parameter(std::string_view header, std::string_view name) {
  size_t position = header.find(';');
  while (position != std::string_view::npos) {
    std::string_view rest = Trim(header.substr(position + 1));
    const size_t equals = rest.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const std::string key = Lower(Trim(rest.substr(0, equals)));
    std::string_view value = Trim(rest.substr(equals + 1));
    std::string parsed;
    size_t consumed = 0;
    if (!value.empty() && value.front() == '"') {
      size_t i = 1;
      for (; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        parsed.push_back(value[i]);
      }
      if (i >= value.size()) return std::nullopt;  // unterminated quote
      consumed = i + 1;
    } else {
      consumed = std::min(value.find(';'), value.size());
      parsed = std::string(Trim(value.substr(0, consumed)));
    }
    if (key == name) return parsed;
    const size_t next = value.find(';', consumed);
    if (next == std::string_view::npos) return std::nullopt;
    position = static_cast<size_t>(value.data() + next - header.data());
  }
  return std::nullopt;
}

// Parses one part's header block (lines separated by CRLF) into `part`.
Status ParsePartHeaders(std::string_view block, FormPart& part) {
  bool has_disposition = false;
  while (!block.empty()) {
    const size_t end = block.find(kCrlf);
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + kCrlf.size());
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return BadBody("a part header is malformed");
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "content-disposition") {
      if (Lower(value.substr(0, value.find(';'))) != "form-data") return BadBody("a part is not form-data");
      std::optional<std::string> name = Parameter(value, "name");
      if (!name.has_value() || name->empty()) return BadBody("a part has no field name");
      part.name = std::move(*name);
      part.filename = Parameter(value, "filename");
      has_disposition = true;
    } else if (key == "content-type") {
      part.content_type = Lower(value);
    }
  }
  if (!has_disposition) return BadBody("a part has no Content-Disposition");
  return Status::Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  const std::string_view media_type = Trim(content_type.substr(0, content_type.find(';')));
  if (Lower(media_type) != "multipart/form-data") {
    return Status::UnsupportedMedia("Content-Type must be multipart/form-data");
  }
  std::optional<std::string> boundary = Parameter(content_type, "boundary");
  if (!boundary.has_value() || boundary->empty() || boundary->size() > 70 ||
      !std::all_of(boundary->begin(), boundary->end(), BoundaryChar)) {
    return Status::InvalidArgument("the multipart boundary is missing or invalid", "Content-Type");
  }
  return *boundary;
}

Result<std::vector<FormPart>> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                                 const MultipartLimits& limits) {
  PB_ASSIGN_OR_RETURN(const std::string boundary, MultipartBoundary(content_type));
  const std::string delimiter = "--" + boundary;
  // The first delimiter may follow a preamble; later ones follow a CRLF.
  size_t position = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    position = body.find(std::string(kCrlf) + delimiter);
    if (position == std::string_view::npos) return BadBody("the body has no multipart delimiter");
    position += kCrlf.size();
  }
  position += delimiter.size();
  const std::string next_delimiter = std::string(kCrlf) + delimiter;
  std::vector<FormPart> parts;
  for (;;) {
    const std::string_view after = body.substr(position);
    if (after.substr(0, 2) == "--") return parts;  // closing delimiter; an epilogue is ignored
    if (after.substr(0, 2) != kCrlf) return BadBody("a multipart delimiter is malformed");
    position += kCrlf.size();
    if (parts.size() == limits.max_parts) return BadBody("the form has too many parts");
    const size_t header_end = body.find("\r\n\r\n", position);
    if (header_end == std::string_view::npos || header_end - position > limits.max_part_header_bytes) {
      return BadBody("a part header is missing or too long");
    }
    FormPart part;
    PB_RETURN_IF_ERROR(ParsePartHeaders(body.substr(position, header_end - position), part));
    const size_t content_start = header_end + 4;
    const size_t content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos) return BadBody("the body ends before its closing delimiter");
    part.content = body.substr(content_start, content_end - content_start);
    parts.push_back(std::move(part));
    position = content_end + next_delimiter.size();
  }
}

}  // namespace pillarbox::http
