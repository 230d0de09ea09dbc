#pragma once

#include <QTest>

// Stops the test function when a step failed inside a helper: QVERIFY in a helper returns only
// from the helper.
#define STEP(expr)                                                                                 \
    do {                                                                                           \
        expr;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
