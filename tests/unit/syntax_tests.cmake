# gonogo_syntax_tests: tree-sitter helpers (syntax_test.cpp) and HTTP route
# extraction (routes_test.cpp) over small in-memory RepoModels.
# Included from tests/CMakeLists.txt; needs gonogo_collect and GoogleTest.
if(NOT TARGET GTest::gtest_main)
  find_package(GTest REQUIRED)
endif()
include(GoogleTest)

add_executable(gonogo_syntax_tests
  ${CMAKE_CURRENT_LIST_DIR}/syntax_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/routes_test.cpp)
target_compile_options(gonogo_syntax_tests PRIVATE ${GONOGO_WARNINGS})
target_link_libraries(gonogo_syntax_tests PRIVATE gonogo_collect GTest::gtest_main)
gtest_discover_tests(gonogo_syntax_tests DISCOVERY_TIMEOUT 60)
