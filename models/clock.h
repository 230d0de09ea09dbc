#pragma once

#include <QDateTime>

#include <functional>

namespace Care360 {

// The one place that reads the wall clock (like KeePassXC's Clock): code asks Clock for "now",
// tests install their own source and move time on instead of sleeping.
class Clock {
public:
    static QDateTime currentDateTimeUtc();
    // Tests only; an empty function restores the system clock.
    static void setSource(std::function<QDateTime()> source);
};

} // namespace Care360
