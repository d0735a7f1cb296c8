// The IDX reader: small files written by the test (plain and gzip) read back exactly; every
// corruption is refused with a message naming the file, the byte and what was expected; the
// installed Fashion-MNIST test set reads with plausible values.
#include "data/idx.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <zlib.h>

#include <cstdio>
#include <functional>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace ns::data;

namespace {

std::vector<std::uint8_t> pixelsFor(int count, int rows, int cols) {
    std::vector<std::uint8_t> p(static_cast<std::size_t>(count * rows * cols));
    for (std::size_t i = 0; i < p.size(); ++i) p[i] = static_cast<std::uint8_t>((i * 37 + 11) % 256);
    return p;
}

std::vector<unsigned char> readRaw(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeRaw(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeGzip(const std::string& path, const std::vector<unsigned char>& bytes) {
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
}

// The process's address space now (VmSize, bytes), for a limit just above it.
std::uint64_t addressSpace() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmSize:") {
            std::uint64_t kib = 0;
            status >> kib;
            return kib * 1024;
        }
        std::getline(status, key);
    }
    return 0;
}

// Runs f with at most `extra` bytes of address space to spare: an allocation beyond that throws
// std::bad_alloc instead of succeeding.
template <typename F>
void withMemoryToSpare(std::uint64_t extra, F f) {
    rlimit before{};
    getrlimit(RLIMIT_AS, &before);
    rlimit tight = before;
    tight.rlim_cur = static_cast<rlim_t>(addressSpace() + extra);
    QVERIFY(setrlimit(RLIMIT_AS, &tight) == 0);
    try {
        f();
    } catch (...) {
        setrlimit(RLIMIT_AS, &before);
        throw;
    }
    setrlimit(RLIMIT_AS, &before);
}

QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const IdxError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestIdx : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void firstKOnly();
    void corruptionsNameFileByteAndExpectation_data();
    void corruptionsNameFileByteAndExpectation();
    void countMismatchBetweenImagesAndLabels();
    void limitsAreNamed();
    void plainFileDeclaringMoreThanItHoldsIsRefusedBeforeAllocating();
    void gzipFileDeclaringMoreThanDeflateCanHoldIsRefused();
    void fashionMnistTestSet();

private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }
};

void TestIdx::roundTrip_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("plain") << QString();
    QTest::newRow("gzip") << QStringLiteral(".gz");
}

void TestIdx::roundTrip() {
    QFETCH(QString, suffix);
    const std::string images = path("img") + suffix.toStdString();
    const std::string labels = path("lbl") + suffix.toStdString();
    const auto pixels = pixelsFor(5, 4, 3);
    writeIdxImages(images, pixels, 5, 4, 3);
    writeIdxLabels(labels, {3, 1, 4, 1, 5});
    // gzip files really are compressed (gzip magic 1f 8b), plain ones start with the IDX magic
    const auto raw = readRaw(images);
    QVERIFY(raw.size() >= 4);
    QCOMPARE(raw[0] == 0x1f && raw[1] == 0x8b, !suffix.isEmpty());
    IdxHeader header;
    const ns::engine::Tensor t = readIdxImages(images, -1, {}, &header);
    QCOMPARE(header.count, 5);
    QCOMPARE(header.rows, 4);
    QCOMPARE(header.cols, 3);
    QCOMPARE(t.shape(), (ns::engine::Shape{5, 1, 4, 3}));
    for (std::size_t i = 0; i < pixels.size(); ++i) QCOMPARE(t[static_cast<ns::engine::Index>(i)], pixels[i] / 255.0);
    const ImageSet set = readIdxPair(images, labels);
    QCOMPARE(set.labels, (std::vector<int>{3, 1, 4, 1, 5}));
    QVERIFY(set.images == t);
}

void TestIdx::firstKOnly() {
    const std::string images = path("k.gz"), labels = path("kl.gz");
    writeIdxImages(images, pixelsFor(6, 2, 2), 6, 2, 2);
    writeIdxLabels(labels, {0, 1, 2, 3, 4, 5});
    const ImageSet set = readIdxPair(images, labels, 2);
    QCOMPARE(set.size(), 2);
    QCOMPARE(set.images.dim(0), 2);
    QCOMPARE(set.labels, (std::vector<int>{0, 1}));
    QCOMPARE(readIdxPair(images, labels, 100).size(), 6);  // more than the file has: all of it
}

void TestIdx::corruptionsNameFileByteAndExpectation_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    const char* names[] = {"bad magic", "truncated header", "truncated data", "oversized dims", "zero dims",
                           "trailing data", "bad label"};
    const char* expected[] = {
        "byte 0: bad magic number 0x00000801 (this is a label file), expected 0x00000803 (IDX unsigned-byte images, 3 "
        "dimensions)",
        "byte 10: truncated: expected the row count (4 bytes from byte 8), the file ends after 2 of them",
        "byte 62: truncated: expected image 3 of 3 (16 bytes from byte 48), the file ends after 14 of them",
        "byte 8: absurd image height 100000, expected 1 … 256 pixels",
        "byte 12: absurd image width 0, expected 1 … 256 pixels",
        "byte 64: data continues after the 3 items the header declares (expected the end of the file)",
        "byte 9: label 12 of item 2, expected a class 0 … 9",
    };
    for (const char* suffix : {"", ".gz"})
        for (int k = 0; k < 7; ++k)
            QTest::newRow((std::string(names[k]) + (*suffix ? " gzip" : " plain")).c_str())
                << QString::fromLatin1(suffix) << k << QString::fromUtf8(expected[k]);
}

void TestIdx::corruptionsNameFileByteAndExpectation() {
    QFETCH(QString, suffix);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    const std::string good = path("good");
    writeIdxImages(good, pixelsFor(3, 4, 4), 3, 4, 4);  // 16-byte header + 48 bytes
    std::vector<unsigned char> bytes = readRaw(good);
    QCOMPARE(bytes.size(), std::size_t(64));
    auto setU32 = [&](std::size_t at, std::uint32_t v) {
        for (int k = 0; k < 4; ++k) bytes[at + k] = static_cast<unsigned char>(v >> (24 - 8 * k));
    };
    bool labels = false;
    switch (kind) {
        case 0: setU32(0, 0x00000801); break;
        case 1: bytes.resize(10); break;
        case 2: bytes.resize(62); break;
        case 3: setU32(8, 100000); break;
        case 4: setU32(12, 0); break;
        case 5: bytes.push_back(7); break;
        case 6:
            bytes = {0, 0, 8, 1, 0, 0, 0, 3, 1, 12, 2};
            labels = true;
            break;
    }
    const std::string broken = path("broken") + suffix.toStdString();
    if (suffix.isEmpty()) writeRaw(broken, bytes);
    else writeGzip(broken, bytes);
    const QString message = errorOf([&] {
        if (labels) readIdxLabels(broken);
        else readIdxImages(broken);
    });
    QCOMPARE(message, QString::fromStdString(broken) + QStringLiteral(": ") + expected);
}

void TestIdx::countMismatchBetweenImagesAndLabels() {
    const std::string images = path("m.gz"), labels = path("ml.gz");
    writeIdxImages(images, pixelsFor(4, 2, 2), 4, 2, 2);
    writeIdxLabels(labels, {1, 2, 3});
    QCOMPARE(errorOf([&] { readIdxPair(images, labels); }),
             QString::fromStdString(labels + ": byte 4: 3 labels, expected 4 (one per image in " + images + ")"));
}

void TestIdx::limitsAreNamed() {
    const std::string images = path("l");
    writeIdxImages(images, pixelsFor(10, 3, 3), 10, 3, 3);
    IdxLimits count;
    count.maxCount = 5;
    QCOMPARE(errorOf([&] { readIdxImages(images, -1, count); }),
             QString::fromStdString(images + ": byte 4: the file declares 10 images, more than the limit of 5"));
    IdxLimits size;
    size.maxFileBytes = 50;
    QCOMPARE(errorOf([&] { readIdxImages(images, -1, size); }),
             QString::fromStdString(images + ": the file has 106 bytes, more than the limit of 50 bytes"));
    IdxLimits data;
    data.maxDataBytes = 80;
    QCOMPARE(errorOf([&] { readIdxImages(images, -1, data); }),
             QString::fromStdString(images + ": byte 4: the header declares 10 images of 3×3 pixels (90 bytes), "
                                             "more than the limit of 80 bytes"));
    const std::string missing = path("does-not-exist.gz");
    QVERIFY(errorOf([&] { readIdxImages(missing); }).startsWith(QString::fromStdString(missing + ": cannot open the file")));
}

void TestIdx::plainFileDeclaringMoreThanItHoldsIsRefusedBeforeAllocating() {
    // 16 bytes declaring 999 images of 256×256 (within maxDataBytes): their tensor would take
    // 524 MB of doubles; with 128 MB to spare that allocation fails, so the refusal must come first.
    const std::string images = path("huge-header");
    writeIdxImages(images, {}, 999, 256, 256);
    QString message;
    withMemoryToSpare(128ull << 20, [&] { message = errorOf([&] { readIdxImages(images); }); });
    QCOMPARE(message, QString::fromStdString(images + ": byte 16: truncated: expected image 1 of 999 (65536 bytes from "
                                                      "byte 16), the file ends after 0 of them"));
    // Only the images asked for need to be there.
    writeIdxImages(images, pixelsFor(2, 256, 256), 999, 256, 256);
    IdxHeader header;
    withMemoryToSpare(128ull << 20, [&] { QCOMPARE(readIdxImages(images, 2, {}, &header).dim(0), 2); });
    QCOMPARE(header.count, 999);
    withMemoryToSpare(128ull << 20, [&] { message = errorOf([&] { readIdxImages(images, 3); }); });
    QCOMPARE(message, QString::fromStdString(images + ": byte 131088: truncated: expected image 3 of 999 (65536 bytes "
                                                      "from byte 131088), the file ends after 0 of them"));
}

void TestIdx::gzipFileDeclaringMoreThanDeflateCanHoldIsRefused() {
    const std::string images = path("huge-header.gz");
    writeIdxImages(images, {}, 999, 256, 256);
    const std::uint64_t bytes = std::filesystem::file_size(images);
    QVERIFY(bytes * kMaxDeflateRatio < 999ull * 256 * 256);
    QString message;
    withMemoryToSpare(128ull << 20, [&] { message = errorOf([&] { readIdxImages(images); }); });
    QCOMPARE(message, QString::fromStdString(images + ": byte 4: the header declares 999 images of 256×256 pixels "
                                                      "(65470464 bytes), more than a gzip file of " +
                                             std::to_string(bytes) + " bytes can hold (deflate expands at most 1032-fold)"));
    // Highly compressible data that is really there still reads: 20 black images in a few hundred bytes.
    writeIdxImages(images, std::vector<std::uint8_t>(20 * 256 * 256, 0), 20, 256, 256);
    QVERIFY(std::filesystem::file_size(images) < 20 * 256 * 256 / 200);
    QCOMPARE(readIdxImages(images).dim(0), 20);
}

void TestIdx::fashionMnistTestSet() {
    const FashionMnistPaths paths = fashionMnistPaths(false);
    if (!std::filesystem::exists(paths.images) || !std::filesystem::exists(paths.labels))
        QSKIP("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist; setup.sh installs it)");
    IdxHeader header;
    readIdxImages(paths.images, 1, {}, &header);
    QCOMPARE(header.count, 10000);
    const ImageSet set = readIdxPair(paths.images, paths.labels, 100);
    QCOMPARE(set.images.shape(), (ns::engine::Shape{100, 1, 28, 28}));
    QCOMPARE(set.size(), 100);
    std::vector<int> perClass(10, 0);
    for (int label : set.labels) {
        QVERIFY(label >= 0 && label <= 9);
        ++perClass[static_cast<std::size_t>(label)];
    }
    for (int c = 0; c < 10; ++c) QVERIFY2(perClass[static_cast<std::size_t>(c)] > 0, "every class among the first 100");
    const double mean = set.images.flat().mean();
    // Fashion-MNIST's mean pixel is about 0.286; the first 100 test images are near it.
    QVERIFY2(mean > 0.2 && mean < 0.4, qPrintable(QString::number(mean)));
    QCOMPARE(set.images.flat().minCoeff(), 0.0);
    QCOMPARE(set.images.flat().maxCoeff(), 1.0);
    QCOMPARE(set.labels[0], 9);  // the first test image is an ankle boot
}

QTEST_GUILESS_MAIN(TestIdx)
#include "tst_idx.moc"
