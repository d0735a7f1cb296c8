// neuralscope-cli: the core's math from the command line (see README, "Command line").
// Exit status: 0 success, 2 bad input or usage (one line on stderr naming what to fix).
#include "mlp/dataset.h"
#include "lessons/lint.h"
#include "base/size_limits.h"
#include "attention_json.h"
#include "engine_json.h"
#include "rl_json.h"
#include "trace_json.h"
#include "mlp/trainer.h"
#include "stepper/worksheet.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <regex>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using ns::cli::InputError;

constexpr const char* kUsage =
    "usage:\n"
    "  neuralscope-cli trace FILE.json\n"
    "  neuralscope-cli worksheet FILE.json [--format md|csv] [--lang en|zh_CN] [--lr ETA]\n"
    "  neuralscope-cli train --preset seed-4841 [--epochs N] [--lr ETA] [--seed S]\n"
    "                        [--threads T] [--csv]\n"
    "  neuralscope-cli conv FILE.json\n"
    "  neuralscope-cli pool FILE.json\n"
    "  neuralscope-cli rnn FILE.json\n"
    "  neuralscope-cli attention FILE.json\n"
    "  neuralscope-cli rl FILE.json\n"
    "  neuralscope-cli bench lenet5|lstm|mha [--steps N] [--threads T]\n"
    "  neuralscope-cli lint [--mathjax DIR] [--no-mathjax] [--require-mathjax]\n"
    "                       [--formulas-out FILE] PATH...\n";

nlohmann::json readJsonFile(const std::string& path) {
    // A directory opens as a stream on Linux and only fails when read: say so before that.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw InputError(path + ": expected a readable JSON file, found a directory");
    // Read whole, and nlohmann's tree takes ~10× the text: refused before reading, not after.
    const std::uintmax_t size = std::filesystem::file_size(path, ignored);
    if (size != static_cast<std::uintmax_t>(-1) && size > ns::limits::kMaxRequestFileBytes)
        throw InputError(path + ": expected a JSON request of at most " +
                         std::to_string(ns::limits::kMaxRequestFileBytes >> 20) + " MiB, found " +
                         std::to_string(size >> 20) + " MiB");
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path + ": expected a readable JSON file, found none that opens (" +
                         (errno != 0 ? std::strerror(errno) : "unknown reason") + ")");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& error) {
        // nlohmann's message already says where ("at line L, column C") and what it expected.
        std::string what = error.what();
        const auto start = what.find("parse error");
        throw InputError(path + ": malformed JSON: " +
                         (start == std::string::npos ? what : what.substr(start)));
    } catch (const nlohmann::json::exception& error) {
        // e.g. "[json.exception.out_of_range.406] number overflow parsing '1e999'"
        std::string what = error.what();
        const auto end = what.find("] ");
        throw InputError(path + ": malformed JSON: " +
                         (end == std::string::npos ? what : what.substr(end + 2)) +
                         " (expected numbers that fit in a double)");
    } catch (const std::ios_base::failure& error) {
        throw InputError(path + ": expected a readable JSON file, found a read error (" +
                         error.what() + ")");
    }
}

int runTrace(const std::vector<std::string>& args) {
    if (args.size() != 1) throw InputError("trace: expected one FILE.json argument");
    const nlohmann::json document = readJsonFile(args[0]);
    ns::cli::TraceRequest request;
    try {
        request = ns::cli::parseTraceRequest(document);
    } catch (const InputError& error) {
        throw InputError(args[0] + ": " + error.what());
    }
    const ns::Trace trace =
        request.network.forwardBackward(request.inputs, request.targets, request.loss);
    try {
        ns::cli::checkFinite(trace);
    } catch (const InputError& error) {
        throw InputError(args[0] + ": " + error.what());
    }
    std::cout << ns::cli::traceToJson(trace).dump() << '\n';
    return 0;
}

double parseLearningRate(const std::string& option, const std::string& text);

// One training step of the trace input as a printable worked example (README, "worksheet").
int runWorksheet(const std::vector<std::string>& args) {
    std::string path, format = "md", language = "en", lr;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& option = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw InputError(option + ": expected a value after it");
            return args[++i];
        };
        if (option == "--format") format = value();
        else if (option == "--lang") language = value();
        else if (option == "--lr") lr = value();
        else if (!option.empty() && option[0] == '-')
            throw InputError(option + ": unknown option for worksheet (expected --format, --lang or --lr)");
        else if (path.empty()) path = option;
        else throw InputError("worksheet: expected one FILE.json argument, found a second: " + option);
    }
    if (path.empty()) throw InputError("worksheet: expected one FILE.json argument");
    if (format != "md" && format != "csv")
        throw InputError("--format: expected md or csv, found \"" + format + "\"");
    if (language != "en" && language != "zh_CN")
        throw InputError("--lang: expected en or zh_CN, found \"" + language + "\"");

    const nlohmann::json document = readJsonFile(path);
    ns::cli::TraceRequest request;
    double eta = 0.01;  // the textbook's learning rate (seed 001 §3.2)
    try {
        request = ns::cli::parseTraceRequest(document);
        ns::cli::checkWorksheetSize(request.network, static_cast<std::size_t>(request.inputs.rows()));
        if (const auto it = document.find("learning_rate"); it != document.end()) {
            if (!it->is_number()) throw InputError("learning_rate: expected a number from 1e-12 to 1e6, found " + it->dump());
            eta = ns::cli::checkLearningRate(it->get<double>(), "learning_rate", it->dump());
        }
        ns::cli::checkFinite(request.network.forwardBackward(request.inputs, request.targets, request.loss));
    } catch (const InputError& error) {
        throw InputError(path + ": " + error.what());
    }
    if (!lr.empty()) eta = parseLearningRate("--lr", lr);
    const ns::BackpropSteps steps =
        ns::BackpropSteps::build(request.network, request.inputs, request.targets, request.loss, eta);
    // The update W − η ∂L/∂W can overflow where the trace did not (a large η).
    for (const ns::StepEvent& event : steps.events())
        if (!std::isfinite(event.value))
            throw InputError(path + ": " + ns::asciiSymbol(event.id) + " overflowed to " + std::to_string(event.value) +
                             " in the update (finite inputs, but too large for float64 arithmetic); lower the "
                             "learning rate or scale the weights down");
    if (format == "csv")
        std::cout << ns::worksheetCsv(steps);
    else
        std::cout << ns::worksheetMarkdown(steps, language == "zh_CN"
                                                      ? ns::WorksheetLanguage::SimplifiedChinese
                                                      : ns::WorksheetLanguage::English);
    return 0;
}

// Numbers on the command line are plain decimals: no hex (0x10), no leading spaces, no inf/nan
// — what std::stod would quietly accept.
bool plainInteger(const std::string& text) {
    static const std::regex pattern("[+-]?[0-9]+");
    return std::regex_match(text, pattern);
}
bool plainDecimal(const std::string& text) {
    static const std::regex pattern("[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?");
    return std::regex_match(text, pattern);
}

long parseWhole(const std::string& option, const std::string& text, long low, long high) {
    long value = 0;
    bool ok = plainInteger(text);
    if (ok) {
        errno = 0;
        value = std::strtol(text.c_str(), nullptr, 10);
        ok = errno == 0;
    }
    if (!ok || value < low || value > high)
        throw InputError(option + ": expected a whole number from " + std::to_string(low) +
                         " to " + std::to_string(high) + ", found \"" + text + "\"");
    return value;
}

double parseLearningRate(const std::string& option, const std::string& text) {
    // strtod gives 1e-320 (denormal) or ±inf for 1e999 with ERANGE: the range check names both.
    const double value = plainDecimal(text) ? std::strtod(text.c_str(), nullptr) : std::nan("");
    return ns::cli::checkLearningRate(value, option, "\"" + text + "\"");
}

int runTrain(const std::vector<std::string>& args) {
    std::string preset;
    long epochs = 1000;
    double eta = 0.01;
    long seed = 42;
    long threads = 1;
    bool csv = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& option = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw InputError(option + ": expected a value after it");
            return args[++i];
        };
        if (option == "--preset") preset = value();
        else if (option == "--epochs") epochs = parseWhole(option, value(), 1, ns::limits::kMaxEpochs);
        else if (option == "--lr") eta = parseLearningRate(option, value());
        else if (option == "--seed") seed = parseWhole(option, value(), 0, 2147483647L);
        else if (option == "--threads") threads = parseWhole(option, value(), 1, ns::limits::kMaxThreads);
        else if (option == "--csv") csv = true;
        else throw InputError(option + ": unknown option for train (expected --preset, --epochs, "
                              "--lr, --seed, --threads or --csv)");
    }
    if (preset != "seed-4841")
        throw InputError("--preset: expected seed-4841, found \"" + preset + "\"");

    // seed 001 §3.2: 1000 samples x ~ N(0,1)⁴, y = [Σx > 0]; 4-8-4-1, He init, BCE, full-batch GD.
    ns::Dataset data = ns::makeSumSignDataset(1000, 4, static_cast<std::uint64_t>(seed));
    ns::Mlp network = ns::Mlp::initialized(
        {4, 8, 4, 1}, {ns::Activation::Relu, ns::Activation::Relu, ns::Activation::Sigmoid},
        ns::Initialization::He, static_cast<std::uint64_t>(seed) + 1);
    ns::TrainingOptions options;
    options.loss = ns::Loss::Bce;
    options.learningRate = eta;
    options.parallel.threads = static_cast<int>(threads);
    ns::Trainer trainer(std::move(network), std::move(data), options);

    std::ostringstream rows;
    if (csv) rows << "epoch,loss,accuracy\n";
    const auto start = std::chrono::steady_clock::now();
    for (long e = 0; e < epochs; ++e) {
        const ns::EpochStats stats = trainer.step();
        if (trainer.status() == ns::TrainingStatus::Diverged) break;
        if (csv) rows << stats.epoch << ',' << stats.loss << ',' << stats.accuracy << '\n';
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const ns::Trace final = trainer.network().forwardBackward(trainer.data().X, trainer.data().Y,
                                                              ns::Loss::Bce);
    std::cout << rows.str();
    if (trainer.status() == ns::TrainingStatus::Diverged)
        std::cerr << "neuralscope-cli: " << trainer.statusMessage() << '\n';
    std::printf("seconds=%.6f loss=%.6f acc=%.4f\n", seconds, final.loss,
                ns::accuracy(final.output(), trainer.data().Y));
    return trainer.status() == ns::TrainingStatus::Diverged ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            std::cout << kUsage;
            return args.empty() ? 2 : 0;
        }
        const std::string command = args[0];
        args.erase(args.begin());
        if (command == "trace") return runTrace(args);
        if (command == "train") return runTrain(args);
        if (command == "worksheet") return runWorksheet(args);
        if (command == "conv" || command == "pool" || command == "rnn" || command == "attention" || command == "rl") {
            if (args.size() != 1) throw InputError(command + ": expected one FILE.json argument");
            const nlohmann::json document = readJsonFile(args[0]);
            try {
                const nlohmann::json out = command == "conv"   ? ns::cli::runConvRequest(document)
                                           : command == "pool" ? ns::cli::runPoolRequest(document)
                                           : command == "rnn"  ? ns::cli::runRnnRequest(document)
                                           : command == "rl"   ? ns::cli::runRlRequest(document)
                                                               : ns::cli::runAttentionRequest(document);
                std::cout << out.dump() << '\n';
            } catch (const InputError& error) {
                throw InputError(args[0] + ": " + error.what());
            }
            return 0;
        }
        if (command == "bench") return ns::cli::runBench(args, std::cout);
        if (command == "lint") return ns::lessons::lintCommand(args, std::cout, std::cerr);
        throw InputError("unknown command \"" + command + "\" (expected trace, train, worksheet, conv, pool, rnn, attention, rl, bench or lint)");
    } catch (const InputError& error) {
        std::cerr << "neuralscope-cli: " << error.what() << '\n';
        return 2;
    } catch (const std::bad_alloc&) {
        // The budget is an estimate; the machine may have less free than it allows.
        std::cerr << "neuralscope-cli: out of memory: this request needs more memory than is free on this machine "
                     "(the limit per request is "
                  << static_cast<long long>(ns::limits::kMemoryBudgetBytes / (1024 * 1024))
                  << " MiB); send fewer samples or a smaller network\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "neuralscope-cli: " << error.what() << '\n';
        return 2;
    }
}
