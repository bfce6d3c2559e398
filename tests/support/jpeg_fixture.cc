#include "support/jpeg_fixture.h"

#include <algorithm>
#include <string_view>

namespace pillarbox::testing {
namespace {

using Bytes = std::vector<uint8_t>;

void Append(Bytes& out, std::initializer_list<uint8_t> bytes) { out.insert(out.end(), bytes); }
void AppendBe16(Bytes& out, size_t value) {
  out.push_back(static_cast<uint8_t>(value >> 8));
  out.push_back(static_cast<uint8_t>(value & 0xFF));
}
void AppendLe16(Bytes& out, uint32_t value) {
  out.push_back(static_cast<uint8_t>(value & 0xFF));
  out.push_back(static_cast<uint8_t>(value >> 8));
}
void AppendLe32(Bytes& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<uint8_t>(value >> shift));
}

// A DHT segment with one code of length 1 for `symbol`.
void AppendSingleCodeHuffmanTable(Bytes& out, uint8_t table_class_and_id, uint8_t symbol) {
  Append(out, {0xFF, 0xC4, 0x00, 0x14, table_class_and_id, 0x01});
  out.insert(out.end(), 15, 0x00);
  out.push_back(symbol);
}

// Entropy data: per block a DC difference (category 0 or 1 as the seed says)
// then EOB. DC table: code "0" -> category 0, AC table: code "0" -> EOB; with
// a seed, DC category 1 uses a two-symbol table (see BaselineJpeg).
Bytes ScanData(size_t blocks, uint8_t scan_seed) {
  Bytes out;
  uint32_t bits = 0;
  int count = 0;
  auto put = [&](uint32_t value, int length) {
    for (int i = length - 1; i >= 0; --i) {
      bits = (bits << 1) | ((value >> i) & 1);
      if (++count == 8) {
        out.push_back(static_cast<uint8_t>(bits));
        if (static_cast<uint8_t>(bits) == 0xFF) out.push_back(0x00);
        bits = 0;
        count = 0;
      }
    }
  };
  for (size_t block = 0; block < blocks; ++block) {
    const bool one = ((block * 7 + scan_seed) % 3) == 0 && scan_seed != 0;
    if (one) {
      put(0b10, 2);                       // DC category 1
      put((block / 3 + scan_seed) & 1, 1);  // its one extra bit
    } else {
      put(0b0, 1);  // DC category 0
    }
    put(0b0, 1);  // EOB
  }
  while (count != 0) put(1, 1);  // pad with ones
  return out;
}

Bytes TiffWithGps(const std::string& serial) {
  // Layout: header(8) | IFD0 at 8 (3 entries) | Exif IFD | GPS IFD | values.
  const std::string make = "PillarboxCam";
  const std::string serial_z = serial + std::string(1, '\0');
  const uint32_t ifd0 = 8, ifd0_size = 2 + 3 * 12 + 4;
  const uint32_t exif_ifd = ifd0 + ifd0_size, exif_size = 2 + 1 * 12 + 4;
  const uint32_t gps_ifd = exif_ifd + exif_size, gps_size = 2 + 4 * 12 + 4;
  const uint32_t make_at = gps_ifd + gps_size;
  const uint32_t serial_at = make_at + static_cast<uint32_t>(make.size() + 1);
  const uint32_t lat_at = serial_at + static_cast<uint32_t>(serial_z.size());
  const uint32_t lon_at = lat_at + 24;
  Bytes t = {'I', 'I', 0x2A, 0x00};
  AppendLe32(t, ifd0);
  auto entry = [&t](uint16_t tag, uint16_t type, uint32_t count, uint32_t value) {
    AppendLe16(t, tag);
    AppendLe16(t, type);
    AppendLe32(t, count);
    AppendLe32(t, value);
  };
  AppendLe16(t, 3);
  entry(0x010F, 2, static_cast<uint32_t>(make.size() + 1), make_at);  // Make
  entry(0x8769, 4, 1, exif_ifd);                                        // ExifIFDPointer
  entry(0x8825, 4, 1, gps_ifd);                                         // GPSInfo
  AppendLe32(t, 0);
  AppendLe16(t, 1);
  entry(0xA431, 2, static_cast<uint32_t>(serial_z.size()), serial_at);  // BodySerialNumber
  AppendLe32(t, 0);
  AppendLe16(t, 4);
  entry(0x0001, 2, 2, 'N');      // GPSLatitudeRef "N\0" inline
  entry(0x0002, 5, 3, lat_at);   // GPSLatitude
  entry(0x0003, 2, 2, 'E');      // GPSLongitudeRef "E\0" inline
  entry(0x0004, 5, 3, lon_at);   // GPSLongitude
  AppendLe32(t, 0);
  t.insert(t.end(), make.begin(), make.end());
  t.push_back(0);
  t.insert(t.end(), serial_z.begin(), serial_z.end());
  for (uint32_t v : {48u, 1u, 51u, 1u, 2400u, 100u, 2u, 1u, 21u, 1u, 300u, 100u}) AppendLe32(t, v);
  return t;
}

// SOI, APP0 JFIF, `extra_segments`, then the tables, one scan and EOI.
Bytes BuildJpeg(uint16_t width, uint16_t height, uint8_t scan_seed, const Bytes& extra_segments) {
  Bytes out = {0xFF, 0xD8};
  Append(out, {0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00});
  out.insert(out.end(), extra_segments.begin(), extra_segments.end());
  Append(out, {0xFF, 0xDB, 0x00, 0x43, 0x00});
  out.insert(out.end(), 64, 0x01);
  Append(out, {0xFF, 0xC0, 0x00, 0x0B, 0x08});
  AppendBe16(out, height);
  AppendBe16(out, width);
  Append(out, {0x01, 0x01, 0x11, 0x00});
  // DC table 0: "0" -> category 0, "10" -> category 1; AC table 0: "0" -> EOB.
  Append(out, {0xFF, 0xC4, 0x00, 0x15, 0x00, 0x01, 0x01});
  out.insert(out.end(), 14, 0x00);
  Append(out, {0x00, 0x01});
  AppendSingleCodeHuffmanTable(out, 0x10, 0x00);
  Append(out, {0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00});
  const Bytes scan = ScanData(size_t{width / 8u} * (height / 8u), scan_seed);
  out.insert(out.end(), scan.begin(), scan.end());
  Append(out, {0xFF, 0xD9});
  return out;
}

}  // namespace

std::vector<uint8_t> BaselineJpeg(uint16_t width, uint16_t height, uint8_t scan_seed) {
  return BuildJpeg(width, height, scan_seed, {});
}

std::vector<uint8_t> JpegWithGpsExif(const std::string& serial, uint16_t width, uint16_t height) {
  const Bytes tiff = TiffWithGps(serial);
  Bytes app1 = {0xFF, 0xE1};
  AppendBe16(app1, 2 + 6 + tiff.size());
  Append(app1, {'E', 'x', 'i', 'f', 0x00, 0x00});
  app1.insert(app1.end(), tiff.begin(), tiff.end());
  return BuildJpeg(width, height, 5, app1);
}

std::vector<uint8_t> ImageDataFromSos(std::span<const uint8_t> jpeg) {
  size_t pos = 2;
  while (pos + 4 <= jpeg.size() && jpeg[pos] == 0xFF) {
    const uint8_t marker = jpeg[pos + 1];
    if (marker == 0xDA) {
      for (size_t end = pos + 2; end + 1 < jpeg.size(); ++end) {
        if (jpeg[end] == 0xFF && jpeg[end + 1] == 0xD9) return Bytes(jpeg.begin() + pos, jpeg.begin() + end + 2);
      }
      return {};
    }
    pos += 2 + ((size_t{jpeg[pos + 2]} << 8) | jpeg[pos + 3]);
  }
  return {};
}

bool ContainsBytes(std::span<const uint8_t> haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

}  // namespace pillarbox::testing
