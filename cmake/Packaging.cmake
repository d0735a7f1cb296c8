# Included from the root CMakeLists.txt: `cmake --install` in the GNUInstallDirs layout and a .deb
# through CPack (README, "Install"). The lessons and the translations are embedded in the app
# (resources :/lessons and :/i18n), so the app runs from any prefix; the lesson sources are
# installed too, for reading and for `neuralscope-cli lint`.
#   bin/neuralscope, bin/neuralscope-cli
#   share/neuralscope/lessons/          FORMAT.md, README.md, <chapter>/chapter.yaml and *.md
#   share/applications/, share/metainfo/, share/icons/hicolor/{scalable,16x16,...,256x256}/apps/
# A package for other machines must be built with -DNEURALSCOPE_NATIVE=OFF (the `package` preset).
include(GNUInstallDirs)

# One id for the desktop file, the icon and the AppStream component.
set(NEURALSCOPE_APP_ID io.github.neuralscope.NeuralScope)
set(desktop_sources ${PROJECT_SOURCE_DIR}/resources/desktop)

install(TARGETS neuralscope-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lessons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/neuralscope/lessons
        FILES_MATCHING PATTERN "*.md" PATTERN "*.yaml")

if(NEURALSCOPE_BUILD_GUI)
  install(TARGETS neuralscope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # Every library it links is the system's: no $ORIGIN/../lib run path (qt_standard_project_setup's).
  set_target_properties(neuralscope PROPERTIES INSTALL_RPATH "")
  install(FILES ${desktop_sources}/${NEURALSCOPE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${desktop_sources}/${NEURALSCOPE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  set(icon_svg ${desktop_sources}/${NEURALSCOPE_APP_ID}.svg)
  install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

  # The fixed-size icons are rendered from the one SVG at build time (librsvg2-bin, setup.sh).
  find_program(NEURALSCOPE_RSVG_CONVERT rsvg-convert REQUIRED)
  set(icon_pngs)
  foreach(size IN ITEMS 16 32 48 64 128 256)
    set(png ${PROJECT_BINARY_DIR}/icons/${size}x${size}/${NEURALSCOPE_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${NEURALSCOPE_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${icon_svg}
      DEPENDS ${icon_svg}
      COMMENT "Rendering the ${size}x${size} icon"
      VERBATIM)
    list(APPEND icon_pngs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  add_custom_target(neuralscope_icons ALL DEPENDS ${icon_pngs})
endif()

# CPack: one .deb, neuralscope_<version>_<arch>.deb, installing under /usr.
set(NEURALSCOPE_PACKAGE_MAINTAINER "NeuralScope developers <maintainers@neuralscope.invalid>"
    CACHE STRING "The Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME neuralscope)
set(CPACK_PACKAGE_VENDOR NeuralScope)
set(CPACK_PACKAGE_CONTACT ${NEURALSCOPE_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "See a neural network learn")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "NeuralScope trains real neural networks live and shows every weight and activation while it "
    "does, offline, in English and Simplified Chinese. It opens on its first lesson; it also has a "
    "backpropagation stepper, a training lab, convolution and CNN workspaces, and neuralscope-cli, "
    "a command-line tool with the same math and a checker for lesson files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries (Qt 6, QCustomPlot, yaml-cpp, libgomp, libstdc++) come from dpkg-shlibdeps (dpkg-dev);
# Qt's platform plugins are loaded at run time, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
# Chinese text needs a CJK font; Qt's own strings in Chinese come from qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dataset-fashion-mnist")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
