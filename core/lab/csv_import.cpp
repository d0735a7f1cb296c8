#include "lab/csv_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace ns {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = line.find(separator, start);
        fields.push_back(trim(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return fields;
}

enum class Parsed { Number, NotANumber, NotFinite };

Parsed parseNumber(std::string_view text, double& value) {
    if (text.empty()) return Parsed::NotANumber;
    if (text.front() == '+') text.remove_prefix(1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return Parsed::NotANumber;
    return std::isfinite(value) ? Parsed::Number : Parsed::NotFinite;
}

bool isWhole(double v) { return std::floor(v) == v && std::abs(v) < 1e9; }

}  // namespace

std::string CsvError::message() const {
    std::ostringstream out;
    if (line > 0) {
        out << "line " << line;
        if (column > 0) out << ", column " << column;
        out << ": ";
    }
    switch (problem) {
        case CsvProblem::None: out << "no error"; break;
        case CsvProblem::Empty: out << "the file has no data lines"; break;
        case CsvProblem::TooFewColumns:
            out << "expected at least 2 columns (features, then the label), found " << actual;
            break;
        case CsvProblem::TooManyColumns:
            out << "at most " << expected << " feature columns are supported, found " << actual;
            break;
        case CsvProblem::ColumnCount:
            out << "expected " << expected << " fields like the first line, found " << actual;
            break;
        case CsvProblem::NotANumber:
            if (found.empty()) out << "the field is empty";
            else out << "'" << found << "' is not a number";
            break;
        case CsvProblem::NotFinite: out << "'" << found << "' is not a finite number"; break;
        case CsvProblem::TooFewRows: out << "expected at least 2 data lines, found " << actual; break;
        case CsvProblem::TooManyRows: out << "at most " << expected << " data lines are supported"; break;
        case CsvProblem::SingleLabel: out << "every label is " << found << ": there is nothing to learn"; break;
        case CsvProblem::FileTooLarge:
            out << "the file has " << actual << " bytes, more than the limit of " << expected << " bytes";
            break;
        case CsvProblem::LineTooLong:
            out << "the line has " << actual << " characters, more than the limit of " << expected;
            break;
    }
    return out.str();
}

CsvImport parseCsv(std::string_view text, double testFraction, std::uint64_t splitSeed) {
    CsvImport result;
    auto fail = [&](CsvProblem problem, long line, int column = 0, std::string found = {},
                    long expected = 0, long actual = 0) {
        result.error = {problem, line, column, std::move(found), expected, actual};
        result.data = {};
        result.header.clear();
        return result;
    };
    std::vector<std::vector<double>> rows;
    std::vector<long> lineNumbers;
    char separator = 0;
    std::size_t columns = 0;
    long lineNumber = 0;
    std::size_t start = 0;
    if (text.size() > kMaxCsvBytes)
        return fail(CsvProblem::FileTooLarge, 0, 0, {}, long(kMaxCsvBytes), long(text.size()));
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // UTF-8 BOM
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view raw =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        ++lineNumber;
        if (raw.size() > kMaxCsvLineBytes)
            return fail(CsvProblem::LineTooLong, lineNumber, 0, {}, long(kMaxCsvLineBytes), long(raw.size()));
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        if (separator == 0) {
            separator = line.find(',') != std::string_view::npos   ? ','
                        : line.find(';') != std::string_view::npos ? ';'
                        : line.find('\t') != std::string_view::npos ? '\t'
                                                                    : ',';
        }
        const std::vector<std::string_view> fields = split(line, separator);
        if (columns == 0) {
            columns = fields.size();
            if (columns < 2) return fail(CsvProblem::TooFewColumns, lineNumber, 0, {}, 2, long(columns));
            if (columns - 1 > static_cast<std::size_t>(kMaxDimension))
                return fail(CsvProblem::TooManyColumns, lineNumber, 0, {}, kMaxDimension, long(columns - 1));
            // A header: no field of the first line reads as a number.
            const bool header = std::none_of(fields.begin(), fields.end(), [](std::string_view f) {
                double v;
                return parseNumber(f, v) != Parsed::NotANumber;
            });
            if (header) {
                for (std::string_view f : fields) result.header.emplace_back(f);
                continue;
            }
        }
        if (fields.size() != columns)
            return fail(CsvProblem::ColumnCount, lineNumber, 0, std::string(line), long(columns), long(fields.size()));
        if (rows.size() >= static_cast<std::size_t>(kMaxSamples))
            return fail(CsvProblem::TooManyRows, lineNumber, 0, {}, kMaxSamples, long(rows.size()) + 1);
        std::vector<double> values(columns);
        for (std::size_t c = 0; c < columns; ++c) {
            const Parsed parsed = parseNumber(fields[c], values[c]);
            if (parsed == Parsed::NotANumber)
                return fail(CsvProblem::NotANumber, lineNumber, int(c + 1), std::string(fields[c]));
            if (parsed == Parsed::NotFinite)
                return fail(CsvProblem::NotFinite, lineNumber, int(c + 1), std::string(fields[c]));
        }
        rows.push_back(std::move(values));
        lineNumbers.push_back(lineNumber);
    }
    if (rows.empty()) return fail(CsvProblem::Empty, 0);
    if (rows.size() < 2) return fail(CsvProblem::TooFewRows, 0, 0, {}, 2, long(rows.size()));

    const auto n = static_cast<Eigen::Index>(rows.size());
    const auto d = static_cast<Eigen::Index>(columns - 1);
    LabData& data = result.data;
    data.points.resize(n, d);
    data.labels.resize(n);
    std::set<double> distinct;
    bool whole = true;
    for (Eigen::Index r = 0; r < n; ++r) {
        const std::vector<double>& row = rows[static_cast<std::size_t>(r)];
        for (Eigen::Index c = 0; c < d; ++c) data.points(r, c) = row[static_cast<std::size_t>(c)];
        data.labels(r) = row.back();
        whole = whole && isWhole(row.back());
        if (distinct.size() <= static_cast<std::size_t>(kMaxClasses)) distinct.insert(row.back());
    }
    if (distinct.size() == 1) {
        std::ostringstream value;
        value << *distinct.begin();
        return fail(CsvProblem::SingleLabel, 0, int(columns), value.str());
    }
    if (whole && distinct.size() <= static_cast<std::size_t>(kMaxClasses)) {
        data.classValues.assign(distinct.begin(), distinct.end());
        data.classes = static_cast<int>(distinct.size());
        data.task = data.classes == 2 ? TaskKind::Binary : TaskKind::Multiclass;
        std::map<double, int> index;
        for (std::size_t i = 0; i < data.classValues.size(); ++i) index[data.classValues[i]] = int(i);
        for (Eigen::Index r = 0; r < n; ++r) data.labels(r) = index[data.labels(r)];
    } else {
        data.task = TaskKind::Regression;
        data.classes = 0;
    }
    splitTrainTest(data, testFraction, splitSeed);
    return result;
}

std::string toCsv(const LabData& data) {
    std::ostringstream out;
    out.precision(17);
    for (int c = 0; c < data.dimension(); ++c) out << 'x' << c + 1 << ',';
    out << "label\n";
    for (Eigen::Index r = 0; r < data.size(); ++r) {
        for (int c = 0; c < data.dimension(); ++c) out << data.points(r, c) << ',';
        double label = data.labels(r);
        if (data.task != TaskKind::Regression && !data.classValues.empty())
            label = data.classValues[static_cast<std::size_t>(label)];
        out << label << '\n';
    }
    return out.str();
}

}  // namespace ns
