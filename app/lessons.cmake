# Included from app/CMakeLists.txt: the lesson browser and panel, and the shipped lessons
# embedded under :/lessons together with every formula in them, typeset at build time by
# `neuralscope-cli lint --formulas-out` — which lints the lessons too, so the build fails on a
# broken lesson or on any formula MathJax cannot typeset.
target_sources(neuralscope_app PRIVATE
  lessons/lesson_instruments.cpp lessons/lesson_instruments.h
  lessons/lesson_library.cpp lessons/lesson_library.h
  lessons/lesson_mode.cpp lessons/lesson_mode.h
  lessons/lesson_panel.cpp lessons/lesson_panel.h
  lessons/lesson_session.cpp lessons/lesson_session.h
)

set(lessons_source ${PROJECT_SOURCE_DIR}/lessons)
file(GLOB_RECURSE shipped_lessons CONFIGURE_DEPENDS ${lessons_source}/*.md ${lessons_source}/*.yaml)
list(FILTER shipped_lessons EXCLUDE REGEX "/(README|FORMAT)\\.md$")
set(lessons_binary ${CMAKE_CURRENT_BINARY_DIR}/lessons)
set(lesson_formulas ${lessons_binary}/formulas.json)
file(MAKE_DIRECTORY ${lessons_binary})
add_custom_command(
  OUTPUT ${lesson_formulas}
  COMMAND neuralscope-cli lint --require-mathjax --mathjax ${NEURALSCOPE_MATHJAX_DIR}
          --formulas-out ${lesson_formulas} ${lessons_source}
  DEPENDS neuralscope-cli neuralscope_mathjax ${NEURALSCOPE_MATHJAX_DIR}/installed.stamp
          ${NEURALSCOPE_MATHJAX_DIR}/render.cjs ${shipped_lessons}
  COMMENT "Linting the lessons and typesetting their formulas with MathJax"
  VERBATIM)
set_source_files_properties(${lesson_formulas} PROPERTIES GENERATED TRUE)
qt_add_resources(neuralscope_app "lesson_files" PREFIX /lessons BASE ${lessons_source} FILES ${shipped_lessons})
qt_add_resources(neuralscope_app "lesson_formulas" PREFIX /lessons BASE ${lessons_binary} FILES ${lesson_formulas})
