// Test plugin: exports the entry points with an ABI version sitmap does not know.

#include "render/plugin_api.h"

extern "C" __attribute__((visibility("default"))) uint32_t sitmap_plugin_abi_version(void) {
    return SITMAP_PLUGIN_ABI_VERSION + 41u;
}

extern "C" __attribute__((visibility("default"))) const sitmap_layer_plugin*
sitmap_plugin_layer(void) {
    return nullptr; // never called: the version check comes first
}
