# Linux: desktop integration files, man pages, licence, and the DEB/TGZ generators.
# Included from packaging/CMakeLists.txt, so CMAKE_CURRENT_*_DIR are packaging's.
set(linux_dir ${CMAKE_CURRENT_SOURCE_DIR}/linux)
set(linux_out ${CMAKE_CURRENT_BINARY_DIR}/linux)

configure_file(${linux_dir}/desktop.in ${linux_out}/${CARE360_APP_ID}.desktop @ONLY)
configure_file(${linux_dir}/metainfo.xml.in ${linux_out}/${CARE360_APP_ID}.metainfo.xml @ONLY)

# The Debian copyright file quotes LICENSE: blank lines become " ." and text is indented.
file(STRINGS ${PROJECT_SOURCE_DIR}/LICENSE license_lines)
list(REMOVE_AT license_lines 0 1 2 3)  # "MIT License", blank, copyright line, blank
set(CARE360_LICENSE_PARAGRAPHS "")
foreach(line IN LISTS license_lines)
    if(line STREQUAL "")
        string(APPEND CARE360_LICENSE_PARAGRAPHS " .\n")
    else()
        string(APPEND CARE360_LICENSE_PARAGRAPHS " ${line}\n")
    endif()
endforeach()
string(REGEX REPLACE "\n$" "" CARE360_LICENSE_PARAGRAPHS "${CARE360_LICENSE_PARAGRAPHS}")
configure_file(${linux_dir}/copyright.in ${linux_out}/copyright @ONLY)

install(FILES ${linux_out}/${CARE360_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${linux_out}/${CARE360_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CARE360_ICON_SVG}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${linux_out}/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${PROJECT_NAME})

# Man pages from each executable's --help. Without help2man configure stops rather than
# silently producing packages that lack them; opting out has to be explicit.
# CARE360_MAN_PAGES is declared in the top-level CMakeLists.txt (tests/packaging reads it too).
if(CARE360_MAN_PAGES)
    find_program(CARE360_HELP2MAN help2man)
    find_program(CARE360_GZIP gzip)
    if(NOT CARE360_HELP2MAN OR NOT CARE360_GZIP)
        message(FATAL_ERROR "packaging: help2man and gzip are needed for the man pages "
            "(Debian: apt-get install help2man gzip), or configure with -DCARE360_MAN_PAGES=OFF "
            "for a build that is not packaged")
    endif()
    set(description_care360-escalations "desktop console for Care360 escalations")
    set(description_care360-escalations-cli
        "command-line companion of the Care360 Escalations console")
    set(description_care360-sandbox "local stand-in for the Care360 API, for training and tests")
    set(man_pages "")
    foreach(exe IN LISTS CARE360_PACKAGED_EXECUTABLES)
        set(page ${linux_out}/man/${exe}.1.gz)
        add_custom_command(OUTPUT ${page}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${linux_out}/man
            COMMAND ${CMAKE_COMMAND} -DEXECUTABLE=$<TARGET_FILE:${exe}>
                "-DDESCRIPTION=${description_${exe}}" -DVERSION=${PROJECT_VERSION}
                -DOUTPUT=${page} -DHELP2MAN=${CARE360_HELP2MAN} -DGZIP=${CARE360_GZIP}
                -P ${linux_dir}/manpage.cmake
            DEPENDS ${exe} ${linux_dir}/manpage.cmake
            COMMENT "Writing the man page of ${exe}"
            VERBATIM)
        list(APPEND man_pages ${page})
    endforeach()
    add_custom_target(care360_man_pages ALL DEPENDS ${man_pages})
    install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(WARNING "packaging: CARE360_MAN_PAGES is OFF, the packages will lack man pages")
endif()

set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)
set(CPACK_DEBIAN_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CARE360_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# dpkg-shlibdeps adds the linked libraries (Qt Core/Gui/Widgets/Network/HttpServer, QtKeychain);
# the SVG plugins are loaded at runtime for the icon and the SQLite driver for the follow-ups
# store, so no linker tells it about them. The xcb
# platform plugin and the TLS backends ship in libqt6gui6 and libqt6network6 themselves.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4), libqt6sql6-sqlite (>= 6.4)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
