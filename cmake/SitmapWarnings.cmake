# One place for the warning flags every sitmap target uses.
function(sitmap_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wold-style-cast)
    if(SITMAP_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
