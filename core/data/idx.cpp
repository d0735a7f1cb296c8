#include "data/idx.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>

namespace ns::data {

namespace {

std::string hex(std::uint32_t v) {
    std::ostringstream s;
    s << "0x" << std::hex;
    s.width(8);
    s.fill('0');
    s << v;
    return s.str();
}

// A gzip or plain file read in order, counting the uncompressed bytes for error messages.
class Stream {
public:
    Stream(const std::string& path, const IdxLimits& limits) : path_(path) {
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        if (ec) fail("cannot open the file: " + ec.message());
        fileBytes_ = bytes;
        if (bytes > limits.maxFileBytes)
            fail("the file has " + std::to_string(bytes) + " bytes, more than the limit of " +
                 std::to_string(limits.maxFileBytes) + " bytes");
        file_ = gzopen(path.c_str(), "rb");
        if (!file_) fail("cannot open the file");
        gzbuffer(file_, 1 << 16);
    }
    ~Stream() {
        if (file_) gzclose(file_);
    }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;

    [[noreturn]] void fail(const std::string& what) const { throw IdxError(path_ + ": " + what); }
    [[noreturn]] void failAt(std::int64_t offset, const std::string& what) const {
        throw IdxError(path_ + ": byte " + std::to_string(offset) + ": " + what);
    }

    // Reads exactly n bytes; `what` names them for the truncation message.
    void read(void* out, std::int64_t n, const std::string& what) {
        auto* p = static_cast<unsigned char*>(out);
        std::int64_t done = 0;
        while (done < n) {
            const unsigned chunk = static_cast<unsigned>(std::min<std::int64_t>(n - done, 1 << 30));
            const int got = gzread(file_, p + done, chunk);
            if (got < 0) {
                int code = 0;
                const char* message = gzerror(file_, &code);
                failAt(offset_ + done, std::string("cannot decompress: ") + (message ? message : "zlib error"));
            }
            if (got == 0)
                failAt(offset_ + done, "truncated: expected " + what + " (" + std::to_string(n) + " bytes from byte " +
                                           std::to_string(offset_) + "), the file ends after " +
                                           std::to_string(done) + " of them");
            done += got;
        }
        offset_ += n;
    }
    std::uint32_t readU32(const std::string& what) {
        unsigned char b[4];
        read(b, 4, what);
        return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
    }
    std::int64_t offset() const { return offset_; }
    std::uint64_t fileBytes() const { return fileBytes_; }
    // After the first read: true for a plain file, false for a gzip stream.
    bool plain() const { return gzdirect(file_) == 1; }

private:
    std::string path_;
    std::uint64_t fileBytes_ = 0;
    gzFile file_ = nullptr;
    std::int64_t offset_ = 0;
};

IdxHeader readHeader(Stream& in, bool images, const IdxLimits& limits) {
    const std::uint32_t expected = images ? kIdxImagesMagic : kIdxLabelsMagic;
    const std::uint32_t magic = in.readU32("the 4-byte magic number");
    if (magic != expected) {
        std::string hint;
        if (magic == kIdxLabelsMagic) hint = " (this is a label file)";
        else if (magic == kIdxImagesMagic) hint = " (this is an image file)";
        else if ((magic >> 16) == 0x1f8b) hint = " (a gzip stream inside the data: compressed twice?)";
        in.failAt(0, "bad magic number " + hex(magic) + hint + ", expected " + hex(expected) +
                         (images ? " (IDX unsigned-byte images, 3 dimensions)" : " (IDX unsigned-byte labels, 1 dimension)"));
    }
    IdxHeader h;
    h.count = in.readU32(images ? "the image count" : "the label count");
    if (h.count > limits.maxCount)
        in.failAt(4, "the file declares " + std::to_string(h.count) + (images ? " images" : " labels") +
                         ", more than the limit of " + std::to_string(limits.maxCount));
    if (images) {
        h.rows = in.readU32("the row count");
        h.cols = in.readU32("the column count");
        for (int axis = 0; axis < 2; ++axis) {
            const std::int64_t v = axis == 0 ? h.rows : h.cols;
            if (v < 1 || v > limits.maxSide)
                in.failAt(8 + 4 * axis, std::string("absurd image ") + (axis == 0 ? "height" : "width") + " " +
                                            std::to_string(v) + ", expected 1 … " + std::to_string(limits.maxSide) +
                                            " pixels");
        }
        const std::uint64_t bytes = std::uint64_t(h.count) * std::uint64_t(h.rows) * std::uint64_t(h.cols);
        if (bytes > limits.maxDataBytes)
            in.failAt(4, "the header declares " + std::to_string(h.count) + " images of " + std::to_string(h.rows) +
                             "×" + std::to_string(h.cols) + " pixels (" + std::to_string(bytes) +
                             " bytes), more than the limit of " + std::to_string(limits.maxDataBytes) + " bytes");
    }
    return h;
}

std::int64_t take(std::int64_t count, std::int64_t first) { return first < 0 ? count : std::min(count, first); }

// The n images asked for must fit in the file before the tensor for them is allocated: a plain
// file holds its pixels byte for byte after the header (the message is the one reading would give
// where the data ends); a gzip file cannot expand to more than kMaxDeflateRatio times its size.
void checkImagesFit(const Stream& in, const IdxHeader& h, std::int64_t n) {
    const std::int64_t pixels = h.rows * h.cols;
    const std::uint64_t wanted = std::uint64_t(n) * std::uint64_t(pixels);
    const std::uint64_t start = std::uint64_t(in.offset());
    if (in.plain()) {
        const std::uint64_t available = in.fileBytes() > start ? in.fileBytes() - start : 0;
        if (wanted <= available) return;
        const std::int64_t image = static_cast<std::int64_t>(available / std::uint64_t(pixels));
        const std::int64_t done = static_cast<std::int64_t>(available % std::uint64_t(pixels));
        const std::int64_t from = in.offset() + image * pixels;
        in.failAt(from + done, "truncated: expected image " + std::to_string(image + 1) + " of " + std::to_string(h.count) +
                                   " (" + std::to_string(pixels) + " bytes from byte " + std::to_string(from) +
                                   "), the file ends after " + std::to_string(done) + " of them");
    }
    const std::uint64_t most = in.fileBytes() * kMaxDeflateRatio;
    if (start + wanted > most)
        in.failAt(4, "the header declares " + std::to_string(n) + " images of " + std::to_string(h.rows) + "×" +
                         std::to_string(h.cols) + " pixels (" + std::to_string(wanted) + " bytes), more than a gzip file of " +
                         std::to_string(in.fileBytes()) + " bytes can hold (deflate expands at most " +
                         std::to_string(kMaxDeflateRatio) + "-fold)");
}

engine::Tensor readImagesBody(Stream& in, const IdxHeader& h, std::int64_t n) {
    checkImagesFit(in, h, n);
    engine::Tensor images({n, 1, h.rows, h.cols});
    const std::int64_t pixels = h.rows * h.cols;
    std::vector<unsigned char> row(static_cast<std::size_t>(pixels));
    for (std::int64_t i = 0; i < n; ++i) {
        in.read(row.data(), pixels, "image " + std::to_string(i + 1) + " of " + std::to_string(h.count));
        double* out = images.sample(i);
        for (std::int64_t k = 0; k < pixels; ++k) out[k] = row[static_cast<std::size_t>(k)] / 255.0;
    }
    return images;
}

std::vector<int> readLabelsBody(Stream& in, const IdxHeader& h, std::int64_t n, const IdxLimits& limits) {
    std::vector<unsigned char> bytes(static_cast<std::size_t>(n));
    const std::int64_t start = in.offset();
    in.read(bytes.data(), n, std::to_string(n) + " labels");
    std::vector<int> labels(bytes.begin(), bytes.end());
    for (std::int64_t i = 0; i < n; ++i)
        if (labels[static_cast<std::size_t>(i)] >= limits.classes)
            in.failAt(start + i, "label " + std::to_string(labels[static_cast<std::size_t>(i)]) + " of item " +
                                     std::to_string(i + 1) + ", expected a class 0 … " +
                                     std::to_string(limits.classes - 1));
    (void)h;
    return labels;
}

void checkEnd(Stream& in, const IdxHeader& h, std::int64_t n) {
    if (n != h.count) return;  // only part of the file was asked for
    unsigned char extra;
    try {
        in.read(&extra, 1, "");
    } catch (const IdxError&) {
        return;  // the file ends where the header says
    }
    in.failAt(in.offset() - 1, "data continues after the " + std::to_string(h.count) +
                                   " items the header declares (expected the end of the file)");
}

}  // namespace

ImageSet ImageSet::slice(engine::Index first, engine::Index count) const {
    first = std::clamp<engine::Index>(first, 0, size());
    count = std::clamp<engine::Index>(count, 0, size() - first);
    ImageSet out;
    engine::Shape shape = images.shape();
    shape[0] = count;
    out.images = engine::Tensor(shape);
    const engine::Index per = images.sampleSize();
    std::copy(images.data() + first * per, images.data() + (first + count) * per, out.images.data());
    out.labels.assign(labels.begin() + first, labels.begin() + first + count);
    return out;
}

engine::Tensor readIdxImages(const std::string& path, std::int64_t first, const IdxLimits& limits, IdxHeader* header) {
    Stream in(path, limits);
    const IdxHeader h = readHeader(in, true, limits);
    if (header) *header = h;
    const std::int64_t n = take(h.count, first);
    engine::Tensor images = readImagesBody(in, h, n);
    checkEnd(in, h, n);
    return images;
}

std::vector<int> readIdxLabels(const std::string& path, std::int64_t first, const IdxLimits& limits, IdxHeader* header) {
    Stream in(path, limits);
    const IdxHeader h = readHeader(in, false, limits);
    if (header) *header = h;
    const std::int64_t n = take(h.count, first);
    std::vector<int> labels = readLabelsBody(in, h, n, limits);
    checkEnd(in, h, n);
    return labels;
}

ImageSet readIdxPair(const std::string& imagesPath, const std::string& labelsPath, std::int64_t first,
                     const IdxLimits& limits) {
    Stream images(imagesPath, limits);
    Stream labels(labelsPath, limits);
    const IdxHeader hi = readHeader(images, true, limits);
    const IdxHeader hl = readHeader(labels, false, limits);
    if (hi.count != hl.count)
        throw IdxError(labelsPath + ": byte 4: " + std::to_string(hl.count) + " labels, expected " +
                       std::to_string(hi.count) + " (one per image in " + imagesPath + ")");
    const std::int64_t n = take(hi.count, first);
    ImageSet set;
    set.images = readImagesBody(images, hi, n);
    checkEnd(images, hi, n);
    set.labels = readLabelsBody(labels, hl, n, limits);
    checkEnd(labels, hl, n);
    return set;
}

namespace {

void writeFile(const std::string& path, const std::vector<unsigned char>& bytes) {
    const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    gzFile f = gzopen(path.c_str(), gz ? "wb6" : "wbT");
    if (!f) throw IdxError(path + ": cannot create the file");
    const int written = bytes.empty() ? 0 : gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    const int closed = gzclose(f);
    if (written != static_cast<int>(bytes.size()) || closed != Z_OK) throw IdxError(path + ": cannot write the file");
}

void putU32(std::vector<unsigned char>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<unsigned char>(v >> shift));
}

}  // namespace

void writeIdxImages(const std::string& path, const std::vector<std::uint8_t>& pixels, std::int64_t count,
                    std::int64_t rows, std::int64_t cols) {
    std::vector<unsigned char> bytes;
    putU32(bytes, kIdxImagesMagic);
    putU32(bytes, static_cast<std::uint32_t>(count));
    putU32(bytes, static_cast<std::uint32_t>(rows));
    putU32(bytes, static_cast<std::uint32_t>(cols));
    bytes.insert(bytes.end(), pixels.begin(), pixels.end());
    writeFile(path, bytes);
}

void writeIdxLabels(const std::string& path, const std::vector<std::uint8_t>& labels) {
    std::vector<unsigned char> bytes;
    putU32(bytes, kIdxLabelsMagic);
    putU32(bytes, static_cast<std::uint32_t>(labels.size()));
    bytes.insert(bytes.end(), labels.begin(), labels.end());
    writeFile(path, bytes);
}

FashionMnistPaths fashionMnistPaths(bool train, const std::string& dir) {
    const std::string prefix = dir + (train ? "/train" : "/t10k");
    return {prefix + "-images-idx3-ubyte.gz", prefix + "-labels-idx1-ubyte.gz"};
}

}  // namespace ns::data
