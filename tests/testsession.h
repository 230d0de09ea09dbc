#pragma once

#include <QTest>

// Keychain tests need the private D-Bus session with gnome-keyring that scripts/test provides.
// Run by hand without one they skip; under scripts/test (CARE360_TEST_SESSION is set) a missing
// session bus is a failure, so CI can never pass by skipping them.
#define CARE360_REQUIRE_SESSION_BUS()                                                              \
    do {                                                                                           \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {                             \
            if (qEnvironmentVariableIsSet("CARE360_TEST_SESSION"))                                 \
                QFAIL("scripts/test's private D-Bus session is missing");                          \
            QSKIP("DBUS_SESSION_BUS_ADDRESS is not set: run through scripts/test, which provides " \
                  "a private D-Bus session with gnome-keyring");                                   \
        }                                                                                          \
    } while (false)
