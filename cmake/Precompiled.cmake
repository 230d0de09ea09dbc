# Precompiled Qt headers, for the suite's extra builds only (CARE360_PCH, turned on by
# scripts/test-qt-lts and scripts/test-sanitizers). A file parses the same Qt headers again each
# time: precompiled, eight files compiled in 16 % less time; whole builds gain less and vary more
# between runs (docs/performance.md, "The whole suite": moc, linking and codegen are the rest). The
# product build (scripts/test, scripts/run, the packages) does not use them, so a file that
# forgets an include still fails to build there.
option(CARE360_PCH "Precompile the Qt headers the libraries and tests use most (faster test builds)" OFF)

# The most included Qt headers of each layer (counted over its sources), each layer's list
# within what it links: models has Core and Gui, app adds Network, ui adds Widgets.
set(care360_pch_models <QCoreApplication> <QDateTime> <QHash> <QJsonObject> <QList> <QObject>
    <QRegularExpression> <QString> <QVariant>)
set(care360_pch_app ${care360_pch_models} <QDir> <QFile> <QJsonDocument> <QNetworkAccessManager>
    <QNetworkReply> <QSettings> <QTimer> <QUrl>)
set(care360_pch_ui ${care360_pch_app} <QAction> <QApplication> <QBoxLayout> <QComboBox> <QDialog>
    <QLabel> <QLineEdit> <QMessageBox> <QPushButton> <QTableView> <QWidget>)

# care360_precompile(<target> models|app|ui)
function(care360_precompile target layer)
    if(CARE360_PCH)
        target_precompile_headers(${target} PRIVATE ${care360_pch_${layer}})
    endif()
endfunction()

# care360_precompile_test(<test target>): every test reuses one precompiled header, made once.
# It holds no QtTest header: Qt Test's headers read per-directory macros (QT_TESTCASE_BUILDDIR),
# and a header precompiled with another value would be refused (-Winvalid-pch, an error here).
function(care360_precompile_test target)
    if(NOT CARE360_PCH)
        return()
    endif()
    if(NOT TARGET care360_test_pch)
        file(WRITE ${CMAKE_BINARY_DIR}/generated/test_pch.cpp
             "// The translation unit that makes the tests' precompiled header.\n")
        add_library(care360_test_pch OBJECT ${CMAKE_BINARY_DIR}/generated/test_pch.cpp)
        target_link_libraries(care360_test_pch PRIVATE Qt6::Widgets Qt6::Network)
        target_precompile_headers(care360_test_pch PRIVATE ${care360_pch_ui})
    endif()
    # The same Qt modules as the header was made with: their QT_<MODULE>_LIB macros are read by
    # Qt's headers, and a test without them would refuse the header. --as-needed drops what a
    # test does not call.
    target_link_libraries(${target} PRIVATE Qt6::Widgets Qt6::Network)
    target_precompile_headers(${target} REUSE_FROM care360_test_pch)
endfunction()
