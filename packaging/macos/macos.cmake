# macOS: the .icns rendered from the SVG, the bundle's Info.plist, macdeployqt at install time and
# a DragNDrop .dmg. Not buildable on the Linux CI; release steps are in packaging/README.md.
# Included from packaging/CMakeLists.txt, so CMAKE_CURRENT_*_DIR are packaging's.
set(macos_dir ${CMAKE_CURRENT_SOURCE_DIR}/macos)
set(macos_out ${CMAKE_CURRENT_BINARY_DIR}/macos)

# The icon: care360-rendericon writes the .iconset PNGs, Apple's iconutil packs them.
find_program(CARE360_ICONUTIL iconutil REQUIRED)
set(iconset ${macos_out}/care360-escalations.iconset)
set(icns ${macos_out}/care360-escalations.icns)
add_custom_command(OUTPUT ${icns}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${iconset}
    COMMAND care360-rendericon ${CARE360_ICON_SVG} --iconset ${iconset}
    COMMAND ${CARE360_ICONUTIL} --convert icns --output ${icns} ${iconset}
    DEPENDS care360-rendericon ${CARE360_ICON_SVG}
    COMMENT "Rendering the macOS app icon"
    VERBATIM)
add_custom_target(care360_macos_icon DEPENDS ${icns})
add_dependencies(care360-escalations care360_macos_icon)
# The bundle target lives in the top-level directory, so its source properties are set there.
set_source_files_properties(${icns} TARGET_DIRECTORY care360-escalations PROPERTIES
    MACOSX_PACKAGE_LOCATION Resources
    GENERATED TRUE)
target_sources(care360-escalations PRIVATE ${icns})

if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(CARE360_MACOS_MINIMUM ${CMAKE_OSX_DEPLOYMENT_TARGET})
else()
    set(CARE360_MACOS_MINIMUM 11.0)  # Qt 6.5's floor; Qt 6.8 needs 12.0
endif()
configure_file(${macos_dir}/Info.plist.in ${macos_out}/Info.plist @ONLY)
set_target_properties(care360-escalations PROPERTIES
    MACOSX_BUNDLE TRUE
    MACOSX_BUNDLE_INFO_PLIST ${macos_out}/Info.plist
    MACOSX_BUNDLE_GUI_IDENTIFIER ${CARE360_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME "${CARE360_APP_NAME}"
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE care360-escalations.icns
    XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER ${CARE360_APP_ID})

# macdeployqt copies Qt's frameworks and plugins, and QtKeychain, into the bundle and rewrites
# the load paths of the console and of the companions installed in Contents/MacOS.
set(companions "")
foreach(exe IN LISTS CARE360_COMPANION_EXECUTABLES)
    list(APPEND companions "care360-escalations.app/Contents/MacOS/$<TARGET_FILE_NAME:${exe}>")
endforeach()
list(JOIN companions " " companions)
# The SVG plugins are copied in first; naming them makes macdeployqt bring QtSvg.framework along.
set(plugins_dir care360-escalations.app/Contents/PlugIns)
install(FILES $<TARGET_FILE:Qt6::QSvgPlugin> DESTINATION ${plugins_dir}/imageformats)
install(FILES $<TARGET_FILE:Qt6::QSvgIconPlugin> DESTINATION ${plugins_dir}/iconengines)
set(svg_plugins "${plugins_dir}/imageformats/$<TARGET_FILE_NAME:Qt6::QSvgPlugin>"
    "${plugins_dir}/iconengines/$<TARGET_FILE_NAME:Qt6::QSvgIconPlugin>")
list(JOIN svg_plugins " " svg_plugins)
file(GENERATE OUTPUT ${macos_out}/deploy-$<CONFIG>.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE care360-escalations.app
    ADDITIONAL_EXECUTABLES ${companions}
    ADDITIONAL_LIBRARIES ${svg_plugins}
)
")
install(SCRIPT ${macos_out}/deploy-$<CONFIG>.cmake)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION care360-escalations.app/Contents/Resources)

# Signing has to happen on the staged bundle, after macdeployqt and before the .dmg is made.
set(CARE360_CODESIGN_IDENTITY "" CACHE STRING
    "Developer ID Application identity for codesign (empty: unsigned .dmg)")
set(CPACK_CARE360_CODESIGN_IDENTITY "${CARE360_CODESIGN_IDENTITY}")
set(CPACK_CARE360_ENTITLEMENTS "${macos_dir}/entitlements.plist")
set(CPACK_PRE_BUILD_SCRIPTS ${macos_dir}/codesign.cmake)

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "${CARE360_APP_NAME}")
set(CPACK_DMG_FORMAT UDZO)
# No licence dialog on mounting: it needs hdiutil udifrez, which macOS 12 deprecated.
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
set(CPACK_PACKAGE_ICON ${icns})
set(CPACK_PACKAGE_FILE_NAME "${PROJECT_NAME}-${PROJECT_VERSION}-macos")
