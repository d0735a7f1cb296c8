// libFuzzer target for the command line's JSON requests (app/cli): any bytes that parse as JSON
// must come back from `trace`, `conv`, `pool` and `rnn` as a result or as an InputError naming what was
// wrong, never as a crash, a hang, another exception or undefined behaviour. The trace request
// runs its forward and backward pass as `neuralscope-cli trace` does.
//   ctest -R fuzz_cli_json runs it for 15 s (tests/fuzz/CMakeLists.txt); README, "Fuzzing".
#include "cli/engine_json.h"
#include "cli/trace_json.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void expectMessage(const ns::cli::InputError& error) {
    if (std::string(error.what()).empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nlohmann::json document = nlohmann::json::parse(data, data + size, nullptr, false);
    if (document.is_discarded()) return 0;
    try {
        const ns::cli::TraceRequest request = ns::cli::parseTraceRequest(document);
        const ns::Trace trace = request.network.forwardBackward(request.inputs, request.targets, request.loss);
        (void)ns::cli::traceToJson(trace).dump();
    } catch (const ns::cli::InputError& error) {
        expectMessage(error);
    }
    try {
        (void)ns::cli::runConvRequest(document).dump();
    } catch (const ns::cli::InputError& error) {
        expectMessage(error);
    }
    try {
        (void)ns::cli::runPoolRequest(document).dump();
    } catch (const ns::cli::InputError& error) {
        expectMessage(error);
    }
    try {
        (void)ns::cli::runRnnRequest(document).dump();
    } catch (const ns::cli::InputError& error) {
        expectMessage(error);
    }
    return 0;
}
