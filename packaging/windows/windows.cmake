# Windows: the .ico rendered from the SVG and compiled into the console, windeployqt at install
# time, and an NSIS installer (+ ZIP). Not buildable on the Linux CI; release steps are in
# packaging/README.md. Included from packaging/CMakeLists.txt (CMAKE_CURRENT_*_DIR are packaging's).
set(windows_dir ${CMAKE_CURRENT_SOURCE_DIR}/windows)
set(windows_out ${CMAKE_CURRENT_BINARY_DIR}/windows)

set(CARE360_WINDOWS_ICO ${windows_out}/care360-escalations.ico)
add_custom_command(OUTPUT ${CARE360_WINDOWS_ICO}
    COMMAND care360-rendericon ${CARE360_ICON_SVG} --ico ${CARE360_WINDOWS_ICO}
    DEPENDS care360-rendericon ${CARE360_ICON_SVG}
    COMMENT "Rendering the Windows app icon"
    VERBATIM)
add_custom_target(care360_windows_icon DEPENDS ${CARE360_WINDOWS_ICO})
configure_file(${windows_dir}/app.rc.in ${windows_out}/care360-escalations.rc @ONLY)
target_sources(care360-escalations PRIVATE ${windows_out}/care360-escalations.rc)
# The resource compiler reads the .ico, which must exist before the console compiles.
add_dependencies(care360-escalations care360_windows_icon)

# windeployqt copies Qt's DLLs, plugins and translations next to the executables and writes
# qt.conf (plugins in <prefix>/plugins). It only knows Qt, so QtKeychain's DLL comes from
# TARGET_RUNTIME_DLLS and the MSVC runtime from InstallRequiredSystemLibraries.
set(deployed "")
foreach(exe IN LISTS CARE360_COMPANION_EXECUTABLES)
    list(APPEND deployed "\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:${exe}>")
endforeach()
list(JOIN deployed " " deployed)
file(GENERATE OUTPUT ${windows_out}/deploy-$<CONFIG>.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:care360-escalations>
    ADDITIONAL_EXECUTABLES ${deployed}
    GENERATE_QT_CONF
)
")
install(FILES $<TARGET_RUNTIME_DLLS:care360-escalations> DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(exe IN LISTS CARE360_COMPANION_EXECUTABLES)
    install(FILES $<TARGET_RUNTIME_DLLS:${exe}> DESTINATION ${CMAKE_INSTALL_BINDIR})
endforeach()
install(FILES $<TARGET_FILE:Qt6::Svg> DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES $<TARGET_FILE:Qt6::QSvgPlugin> DESTINATION plugins/imageformats)
install(FILES $<TARGET_FILE:Qt6::QSvgIconPlugin> DESTINATION plugins/iconengines)
install(SCRIPT ${windows_out}/deploy-$<CONFIG>.cmake)
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt)

configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${windows_out}/LICENSE.txt COPYONLY)
set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_RESOURCE_FILE_LICENSE ${windows_out}/LICENSE.txt)
set(CPACK_PACKAGE_FILE_NAME "${PROJECT_NAME}-${PROJECT_VERSION}-windows-x64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${CARE360_APP_ID}")
set(CPACK_NSIS_PACKAGE_NAME "${CARE360_APP_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${CARE360_APP_NAME} ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON ${CARE360_WINDOWS_ICO})
set(CPACK_NSIS_MUI_UNIICON ${CARE360_WINDOWS_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\care360-escalations.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN care360-escalations.exe)
set(CPACK_CREATE_DESKTOP_LINKS care360-escalations)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CARE360_PACKAGE_MAINTAINER}")
set(CPACK_NSIS_BRANDING_TEXT "${CARE360_APP_NAME} ${PROJECT_VERSION}")
