# dealgraph_layer(NAME DIR [DEPS ...]): one static library per layer of the
# source tree (core, extractor, graph, export), so the build holds the layers.
#
# A layer sees only its own headers and those of the layers it depends on:
# its include path is a folder of its own under build/include/ holding one
# symbolic link, DIR -> the source folder. Sources include "DIR/x.h", so an
# include from a layer it does not depend on ("graph/graph.h" inside
# extractor/) is not found and the build fails, instead of compiling quietly.
function(dealgraph_layer name dir)
  cmake_parse_arguments(L "" "" "DEPS;PRIVATE_DEPS;EXTRA_SOURCES" ${ARGN})
  set(inc ${CMAKE_BINARY_DIR}/include/${dir})
  file(MAKE_DIRECTORY ${inc})
  if(NOT EXISTS ${inc}/${dir})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/${dir} ${inc}/${dir} SYMBOLIC)
  endif()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  add_library(${name} STATIC ${sources} ${L_EXTRA_SOURCES})
  target_include_directories(${name} PUBLIC ${inc})
  target_link_libraries(${name} PUBLIC ${L_DEPS} PRIVATE ${L_PRIVATE_DEPS})
  target_compile_options(${name} PRIVATE -Wall -Wextra)
endfunction()

# The CLI (and tests) include "cli/x.h": their own link folder, above every layer.
function(dealgraph_layer_link_cli target)
  set(inc ${CMAKE_BINARY_DIR}/include/cli)
  file(MAKE_DIRECTORY ${inc})
  if(NOT EXISTS ${inc}/cli)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/cli ${inc}/cli SYMBOLIC)
  endif()
  target_include_directories(${target} PRIVATE ${inc})
  target_link_libraries(${target} PRIVATE dealgraph_extractor dealgraph_export)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()
