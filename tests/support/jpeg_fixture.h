// JPEG test fixtures built by hand as bytes (no image library): a tiny valid
// baseline JPEG, the same with an EXIF APP1 segment holding a GPS position and
// a camera serial, and a helper that extracts the image data (from the first
// SOS marker through EOI) to compare pictures before and after cleaning.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pillarbox::testing {

// A valid 8x8 grey baseline JPEG (JFIF APP0, DQT, SOF0, two DHT, SOS, one
// all-zero block per 8x8, EOI) of `width` x `height` pixels (multiples of 8,
// at most 65528). `scan_seed` varies the DC values so two fixtures' image data
// differ.
std::vector<uint8_t> BaselineJpeg(uint16_t width = 8, uint16_t height = 8, uint8_t scan_seed = 0);

// BaselineJpeg() with an APP1 Exif segment after APP0: IFD0 Make "PillarboxCam",
// an Exif IFD with BodySerialNumber = `serial`, and a GPS IFD with
// GPSLatitudeRef "N", GPSLatitude 48/1 51/1 2400/100, GPSLongitudeRef "E",
// GPSLongitude 2/1 21/1 300/100 (little-endian TIFF).
std::vector<uint8_t> JpegWithGpsExif(const std::string& serial, uint16_t width = 8, uint16_t height = 8);

// The bytes from the first SOS marker (FF DA, found by walking the marker
// segments) through the first EOI (FF D9) after it, inclusive. Empty when
// `jpeg` has no SOS or no EOI after it.
std::vector<uint8_t> ImageDataFromSos(std::span<const uint8_t> jpeg);

// True when `needle` occurs in `haystack` as raw bytes.
bool ContainsBytes(std::span<const uint8_t> haystack, const std::string& needle);

}  // namespace pillarbox::testing
