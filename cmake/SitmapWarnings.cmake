# One place for the warning flags every sitmap target uses.
function(sitmap_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wold-style-cast)
    if(SITMAP_SANITIZE)
        # GCC 12 reports false maybe-uninitialized warnings inside <regex> and <functional> when
        # instrumented; the Release build keeps the warning.
        target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
    if(SITMAP_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
