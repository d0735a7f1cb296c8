# Included by check_install_prefix.cmake and check_install_deb.cmake: check_installed_tree(PREFIX)
# checks that PREFIX (an installed /usr) holds every file the install promises, validates the
# desktop file and the AppStream metainfo there, and runs the installed CLI and app.
# Needs SOURCE, APP_ID, WORK, DESKTOP_FILE_VALIDATE and APPSTREAMCLI.

function(run_checked what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what}: exited with ${status}\n${out}${err}")
  endif()
  # Short output (validators, --help) is shown; long output (an install's file list) is not.
  string(LENGTH "${out}${err}" length)
  if(length LESS 3000)
    message(STATUS "${what}: ok\n${out}${err}")
  else()
    message(STATUS "${what}: ok")
  endif()
  set(run_output "${out}${err}" PARENT_SCOPE)
endfunction()

# The PNG at PATH must be SIZE x SIZE (its IHDR: width and height, big-endian, at byte 16).
function(check_png path size)
  file(READ ${path} header LIMIT 24 HEX)
  string(SUBSTRING "${header}" 0 16 signature)
  string(SUBSTRING "${header}" 32 8 width_hex)
  string(SUBSTRING "${header}" 40 8 height_hex)
  math(EXPR width "0x${width_hex}")
  math(EXPR height "0x${height_hex}")
  if(NOT signature STREQUAL "89504e470d0a1a0a" OR NOT width EQUAL size OR NOT height EQUAL size)
    message(FATAL_ERROR "${path}: expected a ${size}x${size} PNG, found signature ${signature}, ${width}x${height}")
  endif()
endfunction()

function(check_installed_tree prefix)
  set(expected
    bin/neuralscope
    bin/neuralscope-cli
    share/applications/${APP_ID}.desktop
    share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/neuralscope/lessons/FORMAT.md
    share/neuralscope/lessons/README.md)
  set(sizes 16 32 48 64 128 256)
  foreach(size IN LISTS sizes)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
  endforeach()
  # Every lesson file of the source tree, in its chapter folder.
  file(GLOB_RECURSE lessons RELATIVE ${SOURCE}/lessons ${SOURCE}/lessons/*.md ${SOURCE}/lessons/*.yaml)
  list(LENGTH lessons lesson_count)
  if(lesson_count LESS 10)
    message(FATAL_ERROR "expected the source tree's lessons in ${SOURCE}/lessons, found ${lesson_count} files")
  endif()
  foreach(lesson IN LISTS lessons)
    list(APPEND expected share/neuralscope/lessons/${lesson})
  endforeach()
  set(missing)
  foreach(file IN LISTS expected)
    if(NOT EXISTS ${prefix}/${file} OR IS_DIRECTORY ${prefix}/${file})
      list(APPEND missing ${file})
    endif()
  endforeach()
  if(missing)
    list(JOIN missing "\n  " missing_lines)
    message(FATAL_ERROR "missing from ${prefix}:\n  ${missing_lines}")
  endif()
  foreach(lesson IN LISTS lessons)
    file(SHA256 ${SOURCE}/lessons/${lesson} want)
    file(SHA256 ${prefix}/share/neuralscope/lessons/${lesson} got)
    if(NOT want STREQUAL got)
      message(FATAL_ERROR "${prefix}/share/neuralscope/lessons/${lesson} differs from the source")
    endif()
  endforeach()
  foreach(size IN LISTS sizes)
    check_png(${prefix}/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png ${size})
  endforeach()
  list(LENGTH expected count)
  message(STATUS "${count} expected files present in ${prefix}")

  # The desktop file names the icon and the binary that are installed beside it.
  file(STRINGS ${prefix}/share/applications/${APP_ID}.desktop entry)
  foreach(line IN ITEMS "Exec=neuralscope" "Icon=${APP_ID}" "Categories=Education;Science;ArtificialIntelligence;")
    if(NOT line IN_LIST entry)
      message(FATAL_ERROR "${APP_ID}.desktop: expected the line ${line}")
    endif()
  endforeach()
  run_checked("desktop-file-validate" ${DESKTOP_FILE_VALIDATE} ${prefix}/share/applications/${APP_ID}.desktop)
  run_checked("appstreamcli validate" ${APPSTREAMCLI} validate --no-net --explain
              ${prefix}/share/metainfo/${APP_ID}.metainfo.xml)
  # The tree as a whole: the metainfo's launchable is the installed desktop file, and its icon.
  run_checked("appstreamcli validate-tree" ${APPSTREAMCLI} validate-tree --no-net --explain ${prefix}/..)

  # The installed programs run from there: the CLI lints the installed lessons (MathJax lives in
  # the build tree, so formulas are checked statically only), the app takes its screenshot with
  # the built-in lesson open, in English and in Chinese (translations and lessons are embedded).
  run_checked("neuralscope-cli --help" ${prefix}/bin/neuralscope-cli --help)
  run_checked("neuralscope-cli lint" ${prefix}/bin/neuralscope-cli lint --no-mathjax ${prefix}/share/neuralscope/lessons)
  foreach(lang IN ITEMS en zh_CN)
    set(shot ${WORK}/shot-${lang}.png)
    file(REMOVE ${shot})
    # Its own settings folder: the user's saved language or lesson must not change the picture.
    run_checked("neuralscope --screenshot (${lang})"
                ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=${WORK}/config
                XDG_CACHE_HOME=${WORK}/cache ${prefix}/bin/neuralscope --lang ${lang} --screenshot ${shot})
    file(SIZE ${shot} bytes)
    file(READ ${shot} signature LIMIT 8 HEX)
    if(bytes LESS 20000 OR NOT signature STREQUAL "89504e470d0a1a0a")
      message(FATAL_ERROR "${shot} is not a plausible PNG (${bytes} bytes, signature ${signature})")
    endif()
  endforeach()
  # The Chinese catalogue took effect: the two pictures differ.
  file(SHA256 ${WORK}/shot-en.png en_hash)
  file(SHA256 ${WORK}/shot-zh_CN.png zh_hash)
  if(en_hash STREQUAL zh_hash)
    message(FATAL_ERROR "the installed app looks the same with --lang en and --lang zh_CN")
  endif()
endfunction()
