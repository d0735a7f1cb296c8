#pragma once
// The IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): a big-endian
// header — magic 0x00000803 for unsigned-byte images [n][rows][cols], 0x00000801 for labels [n] —
// followed by the bytes. Files may be plain or gzip-compressed (zlib reads both).
//
// Reading streams: the header is read and checked (magic, dimensions, the limits below) before
// any pixel is read, and only the images asked for are decompressed. Every error is an IdxError
// whose message names the file, the byte offset in the uncompressed stream and what was expected.
// The images asked for must fit in the file before memory is allocated for them: in a plain file
// the header's count × rows × cols bytes must follow the header, and a gzip file cannot declare
// more than kMaxDeflateRatio times its size on disk (the most deflate can expand).
#include "data/image_set.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns::data {

struct IdxLimits {
    std::uint64_t maxFileBytes = 128ull << 20;  // on disk (compressed or not)
    std::uint64_t maxDataBytes = 64ull << 20;   // pixels the header may declare (uncompressed)
    std::int64_t maxCount = 70000;              // images or labels per file
    std::int64_t maxSide = 256;                 // rows and columns
    int classes = 10;                           // labels must be 0 … classes − 1
};

class IdxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::uint64_t kMaxDeflateRatio = 1032;

inline constexpr std::uint32_t kIdxImagesMagic = 0x00000803;
inline constexpr std::uint32_t kIdxLabelsMagic = 0x00000801;

struct IdxHeader {
    std::int64_t count = 0, rows = 0, cols = 0;  // rows = cols = 0 for a label file
};

// Images [n, 1, rows, cols] scaled to [0, 1] (byte / 255). first < 0 reads every image;
// otherwise the first `first` images (or all, if the file has fewer).
engine::Tensor readIdxImages(const std::string& path, std::int64_t first = -1, const IdxLimits& limits = {},
                             IdxHeader* header = nullptr);
std::vector<int> readIdxLabels(const std::string& path, std::int64_t first = -1, const IdxLimits& limits = {},
                               IdxHeader* header = nullptr);
// Both files of a set; their counts must agree (checked from the headers, before the data).
ImageSet readIdxPair(const std::string& imagesPath, const std::string& labelsPath, std::int64_t first = -1,
                     const IdxLimits& limits = {});

// Writes an IDX file (gzip when the path ends in ".gz"); for tests and exports.
void writeIdxImages(const std::string& path, const std::vector<std::uint8_t>& pixels, std::int64_t count,
                    std::int64_t rows, std::int64_t cols);
void writeIdxLabels(const std::string& path, const std::vector<std::uint8_t>& labels);

// Where Debian's dataset-fashion-mnist package installs Fashion-MNIST.
inline constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
struct FashionMnistPaths {
    std::string images, labels;
};
FashionMnistPaths fashionMnistPaths(bool train, const std::string& dir = kFashionMnistDir);

}  // namespace ns::data
