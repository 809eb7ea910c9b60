# Generates a C++ source holding every catalog/*.yml file as a raw string, so the
# binary carries its catalogue. Run at build time by src/core/CMakeLists.txt.
file(GLOB_RECURSE files RELATIVE "${CATALOG_DIR}" "${CATALOG_DIR}/*.yml")
list(SORT files)
set(out "// Generated from catalog/ by embed_catalog.cmake: do not edit.\n#include \"core/catalog.hpp\"\nnamespace gonogo {\nconst std::vector<std::pair<std::string, std::string>>& embedded_catalog_documents() {\n    static const std::vector<std::pair<std::string, std::string>> k_docs{\n")
foreach(f ${files})
  file(READ "${CATALOG_DIR}/${f}" content)
  string(APPEND out "        {\"${f}\", R\"gonogo_yaml(${content})gonogo_yaml\"},\n")
endforeach()
string(APPEND out "    };\n    return k_docs;\n}\n}  // namespace gonogo\n")
file(WRITE "${OUTPUT}.new" "${out}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.new" "${OUTPUT}")
