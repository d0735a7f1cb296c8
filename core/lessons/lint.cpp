#include "lessons/lint.h"

#include "lessons/text_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace ns::lessons {

namespace fs = std::filesystem;

std::string defaultMathJaxDir() {
    if (const char* dir = std::getenv("NEURALSCOPE_MATHJAX_DIR"); dir && *dir) return dir;
#ifdef NEURALSCOPE_MATHJAX_DIR
    return NEURALSCOPE_MATHJAX_DIR;
#else
    return {};
#endif
}

namespace {

std::string readFile(const fs::path& path, std::string& problem) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        problem = "expected a lesson file, found a folder";
        return {};
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = std::string("expected a readable file, found none that opens (") +
                  (errno ? std::strerror(errno) : "unknown reason") + ")";
        return {};
    }
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxLessonBytes) break;  // parseLesson reports the size
    }
    return text;
}

// A temporary file that removes itself.
struct TempFile {
    std::string path;
    TempFile() {
        std::string pattern = (fs::temp_directory_path() / "neuralscope-formulas-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd >= 0) {
            ::close(fd);
            path = pattern;
        }
    }
    ~TempFile() {
        if (!path.empty()) ::unlink(path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
};

// Runs argv with stdout and stderr going to `log`; the exit status, or -1 if it did not run.
int run(const std::vector<std::string>& argv, const std::string& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string key(const std::string& tex, bool display) { return (display ? "D:" : "I:") + tex; }

}  // namespace

std::optional<std::vector<TypesetFormula>> typesetWithMathJax(const std::vector<MathSpan>& formulas,
                                                              const std::string& mathjaxDir, std::string& why) {
    const fs::path dir = mathjaxDir.empty() ? fs::path(defaultMathJaxDir()) : fs::path(mathjaxDir);
    std::error_code ec;
    if (dir.empty() || !fs::exists(dir / "render.cjs", ec) ||
        !fs::exists(dir / "node_modules" / "mathjax-full" / "package.json", ec)) {
        why = "MathJax is not installed in " + (dir.empty() ? std::string("(no folder given)") : dir.string()) +
              " (the build installs it with npm)";
        return std::nullopt;
    }
    const char* nodeOverride = std::getenv("NEURALSCOPE_NODE");
    const std::string node = nodeOverride && *nodeOverride ? nodeOverride : "node";

    // Each distinct formula once, in first-seen order.
    std::vector<std::pair<std::string, bool>> unique;
    std::set<std::string> seen;
    for (const MathSpan& f : formulas)
        if (seen.insert(key(f.tex, f.display)).second) unique.emplace_back(f.tex, f.display);

    TempFile input, output, log;
    if (input.path.empty() || output.path.empty() || log.path.empty()) {
        why = "could not create temporary files for MathJax";
        return std::nullopt;
    }
    {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [tex, display] : unique) list.push_back({{"tex", tex}, {"display", display}});
        std::ofstream in(input.path, std::ios::binary);
        in << list.dump();
        if (!in) {
            why = "could not write " + input.path;
            return std::nullopt;
        }
    }
    const int status = run({node, (dir / "render.cjs").string(), input.path, output.path}, log.path);
    if (status != 0) {
        std::ifstream logIn(log.path);
        std::stringstream text;
        text << logIn.rdbuf();
        std::string message(trim(text.str()));
        if (message.size() > 400) message = message.substr(0, 400) + "…";
        why = status < 0 ? "Node.js ('" + node + "') is not available"
                         : "MathJax's renderer failed (exit status " + std::to_string(status) + ")" +
                               (message.empty() ? std::string() : ": " + message);
        return std::nullopt;
    }
    nlohmann::json results;
    try {
        std::ifstream out(output.path, std::ios::binary);
        results = nlohmann::json::parse(out);
    } catch (const std::exception& e) {
        why = std::string("MathJax's renderer wrote unreadable output: ") + e.what();
        return std::nullopt;
    }
    if (!results.is_array() || results.size() != unique.size()) {
        why = "MathJax's renderer returned " + std::to_string(results.is_array() ? results.size() : 0) +
              " results for " + std::to_string(unique.size()) + " formulas";
        return std::nullopt;
    }
    std::vector<TypesetFormula> typeset;
    for (std::size_t i = 0; i < unique.size(); ++i) {
        const auto& r = results[i];
        TypesetFormula f;
        f.tex = unique[i].first;
        f.display = unique[i].second;
        f.ok = r.value("ok", false);
        f.error = r.value("error", std::string());
        f.svg = r.value("svg", std::string());
        f.width = r.value("width", 0.0);
        f.ascent = r.value("ascent", 0.0);
        f.descent = r.value("descent", 0.0);
        typeset.push_back(std::move(f));
    }
    return typeset;
}

std::string formulasJson(const std::vector<TypesetFormula>& formulas) {
    nlohmann::json list = nlohmann::json::array();
    for (const TypesetFormula& f : formulas) {
        if (!f.ok) continue;
        list.push_back({{"tex", f.tex},
                        {"display", f.display},
                        {"svg", f.svg},
                        {"width", f.width},
                        {"ascent", f.ascent},
                        {"descent", f.descent}});
    }
    return nlohmann::json{{"version", 1}, {"formulas", list}}.dump(1) + "\n";
}

LintReport lint(const std::vector<std::string>& paths, const LintOptions& options) {
    LintReport report;
    std::vector<fs::path> lessonFiles, chapterFiles;
    bool anyFolder = false;
    for (const std::string& p : paths) {
        std::error_code ec;
        const fs::path path(p);
        if (fs::is_directory(path, ec)) {
            anyFolder = true;
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                const fs::path& f = it->path();
                const std::string name = f.filename().string();
                if (it->is_directory(ec) && (name.empty() || name[0] == '.' || name == "node_modules")) {
                    it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec)) continue;
                if (name == "chapter.yaml") chapterFiles.push_back(f);
                else if (f.extension() == ".md" && name != "README.md" && name != "FORMAT.md") found.push_back(f);
            }
            lessonFiles.insert(lessonFiles.end(), found.begin(), found.end());
        } else if (!fs::exists(path, ec)) {
            report.diagnostics.push_back({p, {}, "expected a lesson file or a folder of lessons, found nothing at this path"});
        } else if (path.filename() == "chapter.yaml") {
            chapterFiles.push_back(path);
        } else {
            lessonFiles.push_back(path);
        }
    }
    std::sort(lessonFiles.begin(), lessonFiles.end());
    lessonFiles.erase(std::unique(lessonFiles.begin(), lessonFiles.end()), lessonFiles.end());
    std::sort(chapterFiles.begin(), chapterFiles.end());
    chapterFiles.erase(std::unique(chapterFiles.begin(), chapterFiles.end()), chapterFiles.end());

    // chapter.yaml files: the chapter number of each folder.
    std::map<fs::path, Chapter> chapterOfFolder;
    std::map<int, std::string> chapterNumbers;
    for (const fs::path& f : chapterFiles) {
        std::string problem;
        const std::string text = readFile(f, problem);
        if (!problem.empty()) {
            report.diagnostics.push_back({f.string(), {}, problem});
            continue;
        }
        ChapterParse parsed = parseChapter(text, f.string());
        report.diagnostics.insert(report.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
        if (!parsed.chapter) continue;
        ++report.chapters;
        if (const auto it = chapterNumbers.find(parsed.chapter->number); it != chapterNumbers.end())
            report.diagnostics.push_back({f.string(), {1, 1}, "expected a chapter number no other chapter.yaml uses, found " +
                                                                  std::to_string(parsed.chapter->number) + " (also in " +
                                                                  it->second + ")"});
        else
            chapterNumbers.emplace(parsed.chapter->number, f.string());
        chapterOfFolder.emplace(f.parent_path(), *parsed.chapter);
    }

    std::vector<Lesson> lessons;
    std::vector<MathSpan> formulas;
    std::vector<std::string> formulaFiles;
    for (const fs::path& f : lessonFiles) {
        std::string problem;
        const std::string text = readFile(f, problem);
        if (!problem.empty()) {
            report.diagnostics.push_back({f.string(), {}, problem});
            continue;
        }
        LessonParse parsed = parseLesson(text, f.string());
        report.diagnostics.insert(report.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
        for (MathSpan& span : parsed.formulas) {
            formulas.push_back(std::move(span));
            formulaFiles.push_back(f.string());
        }
        if (!parsed.lesson) continue;
        ++report.lessons;
        if (const auto it = chapterOfFolder.find(f.parent_path());
            it != chapterOfFolder.end() && it->second.number != parsed.lesson->chapter)
            report.diagnostics.push_back({f.string(), parsed.lesson->chapterAt,
                                          "expected chapter " + std::to_string(it->second.number) +
                                              " as in this folder's chapter.yaml, found " +
                                              std::to_string(parsed.lesson->chapter)});
        lessons.push_back(std::move(*parsed.lesson));
    }

    // What only the set can tell.
    std::map<std::string, const Lesson*> byId;
    std::map<std::pair<int, int>, const Lesson*> byPlace;
    for (const Lesson& lesson : lessons) {
        if (const auto [it, fresh] = byId.emplace(lesson.id, &lesson); !fresh)
            report.diagnostics.push_back({lesson.path, lesson.idAt, "expected an id no other lesson uses, found '" +
                                                                        lesson.id + "' (also in " + it->second->path + ")"});
        if (const auto [it, fresh] = byPlace.emplace(std::pair(lesson.chapter, lesson.order), &lesson); !fresh)
            report.diagnostics.push_back({lesson.path, lesson.orderAt,
                                          "expected an order no other lesson of chapter " + std::to_string(lesson.chapter) +
                                              " uses, found " + std::to_string(lesson.order) + " (also in " +
                                              it->second->path + ")"});
    }
    if (anyFolder) {
        for (const Lesson& lesson : lessons)
            for (std::size_t i = 0; i < lesson.prerequisites.size(); ++i)
                if (!byId.count(lesson.prerequisites[i])) {
                    std::vector<std::string> ids;
                    for (const auto& entry : byId) ids.push_back(entry.first);
                    const std::string guess = closestMatch(lesson.prerequisites[i], ids);
                    report.diagnostics.push_back(
                        {lesson.path, lesson.prerequisiteAt[i],
                         "expected the id of a lesson in the folders linted, found '" + lesson.prerequisites[i] + "'" +
                             (guess.empty() ? std::string() : " (did you mean '" + guess + "'?)")});
                }
    }

    // Every formula through MathJax.
    report.formulas = static_cast<int>(formulas.size());
    if (options.useMathJax) {
        std::string why;
        const auto typeset = formulas.empty() ? std::optional<std::vector<TypesetFormula>>(std::vector<TypesetFormula>{})
                                              : typesetWithMathJax(withDisplayLines(formulas), options.mathjaxDir, why);
        if (!typeset) {
            report.note = why;
            if (options.requireMathJax)
                report.diagnostics.push_back({"mathjax", {}, "expected MathJax to typeset the formulas, found that " + why});
        } else {
            report.typeset = true;
            std::map<std::string, const TypesetFormula*> results;
            for (const TypesetFormula& f : *typeset) results.emplace(key(f.tex, f.display), &f);
            for (std::size_t i = 0; i < formulas.size(); ++i) {
                const auto it = results.find(key(formulas[i].tex, formulas[i].display));
                if (it != results.end() && !it->second->ok)
                    report.diagnostics.push_back({formulaFiles[i], formulas[i].position,
                                                  "expected a formula MathJax can typeset, found " +
                                                      quoted(formulas[i].tex, 60) + ": " + it->second->error});
            }
            if (!options.formulasOut.empty()) {
                std::ofstream out(options.formulasOut, std::ios::binary | std::ios::trunc);
                out << formulasJson(*typeset);
                if (!out)
                    report.diagnostics.push_back({options.formulasOut, {}, "expected a writable file, found one that "
                                                                           "cannot be written"});
            }
        }
    } else {
        report.note = "MathJax was not used (--no-mathjax)";
    }
    if (!options.formulasOut.empty() && !report.typeset && !options.requireMathJax)
        report.diagnostics.push_back({options.formulasOut, {}, "expected MathJax to typeset the formulas for this "
                                                               "file, found that " + report.note});

    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(a.file, a.position.line, a.position.column) <
               std::tuple(b.file, b.position.line, b.position.column);
    });
    return report;
}

int lintCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    LintOptions options;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                err << "neuralscope-cli: " << a << ": expected a value after it\n";
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == "--mathjax") {
            const auto v = value();
            if (!v) return 2;
            options.mathjaxDir = *v;
        } else if (a == "--formulas-out") {
            const auto v = value();
            if (!v) return 2;
            options.formulasOut = *v;
        } else if (a == "--no-mathjax") {
            options.useMathJax = false;
        } else if (a == "--require-mathjax") {
            options.requireMathJax = true;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            err << "neuralscope-cli: " << a
                << ": unknown option for lint (expected --mathjax, --no-mathjax, --require-mathjax or --formulas-out)\n";
            return 2;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        err << "neuralscope-cli: lint: expected one or more lesson files or folders\n";
        return 2;
    }
    const LintReport report = lint(paths, options);
    for (const Diagnostic& d : report.diagnostics) out << d.format() << '\n';
    err << "lint: " << report.lessons << (report.lessons == 1 ? " lesson, " : " lessons, ") << report.formulas
        << (report.formulas == 1 ? " formula" : " formulas")
        << (report.typeset || report.formulas == 0 ? std::string(report.formulas ? " typeset by MathJax" : "")
                                                  : " checked without MathJax (" + report.note + ")")
        << ": "
        << (report.diagnostics.empty() ? std::string("no problems")
                                       : std::to_string(report.diagnostics.size()) +
                                             (report.diagnostics.size() == 1 ? " problem" : " problems"))
        << '\n';
    return report.diagnostics.empty() ? 0 : 1;
}

}  // namespace ns::lessons
