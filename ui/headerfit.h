#pragma once

class QHeaderView;

namespace Care360 {

// Widens every section narrower than its own title (a longer translation, a larger font), so
// that a first layout never cuts a column's name. Stretched sections are the layout's.
void fitHeaderTitles(QHeaderView *header);

} // namespace Care360
