# qloop_add_plugin(<target> ID <kind.name> SOURCES <files...> [INSTALL])
#
# Builds a qloop plugin: a MODULE library named qloop-<kind-name>.so with hidden
# visibility (only the entry symbol is exported) and no undefined symbols, so it
# never reaches into the host: everything comes through the services table.
# Used both in the qloop tree and by vendors through find_package(QLoopSDK).
function(qloop_add_plugin target)
  cmake_parse_arguments(ARG "INSTALL" "ID;DESTINATION" "SOURCES" ${ARGN})
  if(NOT ARG_ID)
    message(FATAL_ERROR "qloop_add_plugin(${target}): ID kind.name is required")
  endif()
  if(NOT ARG_ID MATCHES "^(intake|analysis|exporter|export)\\.[a-z0-9_-]+$")
    message(WARNING "qloop_add_plugin(${target}): id '${ARG_ID}' is not of the form kind.name")
  endif()
  string(REPLACE "." "-" file_stem "${ARG_ID}")
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE QLoop::sdk)
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "qloop-${file_stem}"
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT QLOOP_SANITIZE)
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  endif()
  if(ARG_INSTALL)
    if(NOT ARG_DESTINATION)
      set(ARG_DESTINATION "${CMAKE_INSTALL_LIBDIR}/qloop/plugins")
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION "${ARG_DESTINATION}" COMPONENT plugins)
  endif()
endfunction()
