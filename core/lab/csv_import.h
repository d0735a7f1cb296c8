#pragma once
// Own data for the lab from CSV text: numeric columns, the label in the last one, an optional
// header line. Separators: comma, semicolon or tab (whichever the first line uses). Blank lines
// and lines starting with # are skipped. A label column of at most 8 distinct whole numbers is a
// classification task (classes in increasing order of label), anything else regression.
//
// The core does no I/O: the app reads the file and passes its text. A malformed file gives an
// error naming the 1-based line (and column) and what was wrong; nothing is half-imported.
// Limits, checked before anything is stored: the text at most kMaxCsvBytes (64 MiB), a line at
// most kMaxCsvLineBytes (64 KiB: 65 numbers need under 2 KiB), plus the data's own limits
// (kMaxSamples data lines, kMaxDimension feature columns).
#include "lab/lab_data.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

inline constexpr std::size_t kMaxCsvBytes = 64u << 20;
inline constexpr std::size_t kMaxCsvLineBytes = 64u << 10;

enum class CsvProblem {
    None,
    Empty,            // no data lines at all
    TooFewColumns,    // fewer than 2 columns (a feature and a label)
    TooManyColumns,   // more than kMaxDimension features
    ColumnCount,      // this line has a different number of fields than the first
    NotANumber,       // a field that is not a number (or is empty)
    NotFinite,        // nan or inf
    TooFewRows,       // fewer than 2 data lines
    TooManyRows,      // more than kMaxSamples data lines
    SingleLabel,      // every label is the same: nothing to learn
    FileTooLarge,     // more than kMaxCsvBytes of text
    LineTooLong,      // a line of more than kMaxCsvLineBytes
};

struct CsvError {
    CsvProblem problem = CsvProblem::None;
    long line = 0;       // 1-based line in the file, 0 when the file as a whole is at fault
    int column = 0;      // 1-based field, 0 when not about one field
    std::string found;   // the offending text
    long expected = 0;   // ColumnCount: fields expected; limits: the limit
    long actual = 0;     // ColumnCount: fields found; TooMany…, …TooLarge, …TooLong: how many there were

    std::string message() const;  // English, e.g. "line 7, column 2: 'abc' is not a number"
};

struct CsvImport {
    LabData data;
    std::vector<std::string> header;  // column names when the file has a header line
    CsvError error;
    bool ok() const { return error.problem == CsvProblem::None; }
};

CsvImport parseCsv(std::string_view text, double testFraction, std::uint64_t splitSeed);

// The data back as CSV text (header x1,…,label), labels as imported; parseCsv reads it back.
std::string toCsv(const LabData& data);

}  // namespace ns
