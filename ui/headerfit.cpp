#include "headerfit.h"

#include <QHeaderView>

namespace Care360 {

void fitHeaderTitles(QHeaderView *header)
{
    for (int section = 0; section < header->count(); ++section) {
        if (header->sectionResizeMode(section) == QHeaderView::Stretch)
            continue;
        // The hint covers the title, the sort indicator's room and the style's margins.
        const int needed = header->sectionSizeHint(section);
        if (header->sectionSize(section) < needed)
            header->resizeSection(section, needed);
    }
}

} // namespace Care360
