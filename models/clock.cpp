#include "clock.h"

namespace Care360 {

namespace {
std::function<QDateTime()> &source()
{
    static std::function<QDateTime()> instance;
    return instance;
}
} // namespace

QDateTime Clock::currentDateTimeUtc()
{
    return source() ? source()().toUTC() : QDateTime::currentDateTimeUtc();
}

void Clock::setSource(std::function<QDateTime()> clockSource)
{
    source() = std::move(clockSource);
}

} // namespace Care360
