# dealgraph_require_pkg(PREFIX MODULE DEBIAN_PACKAGE): a pkg-config module
# that must exist; fails configuration naming the Debian package to install.
function(dealgraph_require_pkg prefix module package)
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
  if(NOT ${prefix}_FOUND)
    message(FATAL_ERROR "${module} not found: apt-get install ${package} (or run scripts/setup)")
  endif()
  set(${prefix}_FOUND ${${prefix}_FOUND} PARENT_SCOPE)
  set(${prefix}_INCLUDE_DIRS ${${prefix}_INCLUDE_DIRS} PARENT_SCOPE)
  set(${prefix}_LINK_LIBRARIES ${${prefix}_LINK_LIBRARIES} PARENT_SCOPE)
endfunction()
