// libFuzzer target for the IDX reader (core/data/idx), plain and gzip: the input is written to a
// temporary file and read as images and as labels, all of them and only the first; each read
// ends with data matching its header or an IdxError naming the file, never with a crash, a hang,
// another exception (std::bad_alloc among them), undefined behaviour or a huge allocation.
//   ctest -R fuzz_idx runs it for 15 s (tests/fuzz/CMakeLists.txt); README, "Fuzzing".
#include "data/idx.h"

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// A scratch file, unlinked as soon as it exists so that nothing is left behind however the run
// ends; it is reached through /proc/self/fd. In memory where there is a tmpfs.
int scratchFd = -1;

const std::string& scratchPath() {
    static const std::string path = [] {
        for (const char* dir : {"/dev/shm", "/tmp"}) {
            std::string pattern = std::string(dir) + "/neuralscope-fuzz-idx-XXXXXX";
            scratchFd = mkstemp(pattern.data());
            if (scratchFd >= 0) {
                unlink(pattern.c_str());
                return "/proc/self/fd/" + std::to_string(scratchFd);
            }
        }
        std::abort();
    }();
    return path;
}

void expectMessage(const ns::data::IdxError& error) {
    if (std::string(error.what()).rfind(scratchPath() + ": ", 0) != 0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = scratchPath();
    if (ftruncate(scratchFd, 0) != 0) std::abort();
    if (size > 0 && pwrite(scratchFd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
    for (const std::int64_t first : {std::int64_t(-1), std::int64_t(1)}) {
        try {
            ns::data::IdxHeader header;
            const ns::engine::Tensor images = ns::data::readIdxImages(path, first, {}, &header);
            const std::int64_t n = first < 0 ? header.count : std::min(header.count, first);
            if (images.dim(0) != n || images.dim(2) != header.rows || images.dim(3) != header.cols) __builtin_trap();
            for (ns::engine::Index i = 0; i < images.size(); ++i)
                if (!(images[i] >= 0.0 && images[i] <= 1.0)) __builtin_trap();
        } catch (const ns::data::IdxError& error) {
            expectMessage(error);
        }
        try {
            ns::data::IdxHeader header;
            const std::vector<int> labels = ns::data::readIdxLabels(path, first, {}, &header);
            const std::int64_t n = first < 0 ? header.count : std::min(header.count, first);
            if (static_cast<std::int64_t>(labels.size()) != n) __builtin_trap();
            for (int y : labels)
                if (y < 0 || y > 9) __builtin_trap();
        } catch (const ns::data::IdxError& error) {
            expectMessage(error);
        }
    }
    return 0;
}
