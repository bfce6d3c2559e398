# pillarbox_embed_files(<target> <function_name> BASE <dir> FILES <file>...)
#
# Builds a static library <target> exposing
#   std::vector<pillarbox::EmbeddedFile> <function_name>();
# (declared in common/embedded_file.h) with the bytes of each file, named by its
# path relative to BASE, in the order given. The files are re-embedded whenever
# they change, so the binary never reads schema/ or admin-ui/ from disk.
set(PILLARBOX_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake)

function(pillarbox_embed_files target function_name)
  cmake_parse_arguments(ARG "" "BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${function_name}
            -DBASE=${ARG_BASE} "-DFILES=${ARG_FILES}" -P ${PILLARBOX_EMBED_SCRIPT}
    DEPENDS ${ARG_FILES} ${PILLARBOX_EMBED_SCRIPT}
    COMMENT "Embedding ${target}"
    VERBATIM)
  add_library(${target} STATIC ${out})
  target_link_libraries(${target} PUBLIC pillarbox_common)
endfunction()
