# Runs at build time (cmake -P): writes the gzipped man page of one built executable from its
# --help and --version, and fails the build, with the reason, if that is not possible.
#   -DEXECUTABLE=<path> -DDESCRIPTION=<text> -DVERSION=<x.y.z> -DOUTPUT=<name.1.gz>
#   -DHELP2MAN=<path> -DGZIP=<path>
foreach(var IN ITEMS EXECUTABLE DESCRIPTION VERSION OUTPUT HELP2MAN GZIP)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "manpage.cmake: ${var} is not set")
    endif()
endforeach()

get_filename_component(exe_dir "${EXECUTABLE}" DIRECTORY)
get_filename_component(exe_name "${EXECUTABLE}" NAME)
# The GUI needs a platform plugin even for --help; PATH makes the page say the bare name.
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{PATH} "${exe_dir}:$ENV{PATH}")

execute_process(COMMAND "${exe_name}" --version
    RESULT_VARIABLE result OUTPUT_VARIABLE version_text ERROR_VARIABLE version_error)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${exe_name} --version failed (${result}): ${version_error}")
endif()
string(FIND "${version_text}" "${VERSION}" found)
if(found EQUAL -1)
    message(FATAL_ERROR
        "${exe_name} --version printed '${version_text}', not the project version ${VERSION}")
endif()

# help2man itself accepts a --help that fails, so check it here.
execute_process(COMMAND "${exe_name}" --help
    RESULT_VARIABLE result OUTPUT_VARIABLE help_text ERROR_VARIABLE help_error)
if(NOT result EQUAL 0 OR help_text STREQUAL "")
    message(FATAL_ERROR "${exe_name} --help failed (${result}): ${help_error}")
endif()

string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
# --version-string: the GUI prints its display name, but the page is named after the command.
execute_process(COMMAND "${HELP2MAN}" --no-info --section=1 --name=${DESCRIPTION}
        --version-string=${VERSION}
        "--source=Care360 Escalations ${VERSION}" --output=${page} ${exe_name}
    RESULT_VARIABLE result ERROR_VARIABLE help2man_error)
if(NOT result EQUAL 0 OR NOT EXISTS "${page}")
    message(FATAL_ERROR "help2man failed for ${exe_name} (${result}): ${help2man_error}")
endif()
# -n keeps the archive reproducible; -9 is what Debian policy asks for man pages.
execute_process(COMMAND "${GZIP}" -n -9 -f "${page}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page} (${result})")
endif()
