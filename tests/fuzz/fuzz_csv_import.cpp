// libFuzzer target for CSV import (core/lab/csv_import): any bytes must come back as data or as
// an error naming a line within the text, never as a crash, a hang or undefined behaviour; data
// that imports exports (toCsv) to text that imports again to the same points and labels.
//   ctest -R fuzz_csv_import runs it for 15 s (tests/fuzz/CMakeLists.txt); README, "Fuzzing".
#include "lab/csv_import.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ns::CsvImport imported = ns::parseCsv(text, 0.25, 7);
    const long lines = 1 + static_cast<long>(std::count(text.begin(), text.end(), '\n'));
    if (!imported.ok()) {
        if (imported.error.message().empty()) __builtin_trap();
        if (imported.error.line < 0 || imported.error.line > lines) __builtin_trap();
        if (imported.data.size() != 0) __builtin_trap();  // nothing half-imported
        return 0;
    }
    const ns::LabData& d = imported.data;
    if (d.size() < 2 || d.dimension() < 1 || d.dimension() > ns::kMaxDimension) __builtin_trap();
    if (d.labels.size() != d.size() || static_cast<Eigen::Index>(d.isTest.size()) != d.size()) __builtin_trap();
    if (!d.points.allFinite() || !d.labels.allFinite()) __builtin_trap();
    const ns::CsvImport again = ns::parseCsv(ns::toCsv(d), 0.25, 7);
    if (!again.ok() || again.data.points != d.points || again.data.labels != d.labels || again.data.task != d.task)
        __builtin_trap();
    return 0;
}
