# CPack pre-build script (macOS): signs the staged bundle with the hardened runtime before the
# .dmg is made. The identity comes from -DCARE360_CODESIGN_IDENTITY=... at configure time or from
# the CARE360_CODESIGN_IDENTITY environment variable at cpack time; without one the .dmg stays
# unsigned (fine for testing, blocked by Gatekeeper on other Macs).
set(identity "${CPACK_CARE360_CODESIGN_IDENTITY}")
if(DEFINED ENV{CARE360_CODESIGN_IDENTITY})
    set(identity "$ENV{CARE360_CODESIGN_IDENTITY}")
endif()
if(identity STREQUAL "")
    message(WARNING "care360: no CARE360_CODESIGN_IDENTITY, the bundle in the .dmg is unsigned")
    return()
endif()

file(GLOB_RECURSE plists LIST_DIRECTORIES false
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*care360-escalations.app/Contents/Info.plist")
list(LENGTH plists count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "care360: expected one staged care360-escalations.app, found: ${plists}")
endif()
get_filename_component(contents "${plists}" DIRECTORY)
get_filename_component(bundle "${contents}" DIRECTORY)

set(sign codesign --force --timestamp --options runtime --sign "${identity}")
# Inside out: the companions in Contents/MacOS first, then the bundle with its frameworks.
file(GLOB helpers "${contents}/MacOS/*")
list(FILTER helpers EXCLUDE REGEX "/care360-escalations$")
foreach(helper IN LISTS helpers)
    execute_process(COMMAND ${sign} "${helper}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
execute_process(COMMAND ${sign} --deep --entitlements "${CPACK_CARE360_ENTITLEMENTS}" "${bundle}"
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${bundle}"
    COMMAND_ERROR_IS_FATAL ANY)
