/* sitmap layer plugin ABI (C). A plugin is a shared library that exports
 *
 *   uint32_t sitmap_plugin_abi_version(void);          -- must return SITMAP_PLUGIN_ABI_VERSION
 *   const sitmap_layer_plugin* sitmap_plugin_layer(void);
 *
 * sitmap checks the version before it calls anything else. Coordinates are WGS 84 lon/lat.
 * Strings passed to emit() only need to live for the duration of the call. */
#ifndef SITMAP_PLUGIN_API_H
#define SITMAP_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SITMAP_PLUGIN_ABI_VERSION 1u

typedef enum { SITMAP_GEOM_POINT = 1, SITMAP_GEOM_LINE = 2, SITMAP_GEOM_AREA = 3 } sitmap_geom_type;

typedef struct {
    double lon;
    double lat;
} sitmap_lonlat;

typedef struct {
    sitmap_geom_type type;
    const sitmap_lonlat* points; /* a point, a line, or one closed ring */
    size_t count;
    uint32_t stroke_rgba;        /* 0xRRGGBBAA */
    double stroke_width;         /* style pixels */
    uint32_t fill_rgba;
    double dash;                 /* dash length in style pixels, 0 = solid */
    double marker_radius;        /* points only */
    const char* label;           /* may be NULL */
    const char* legend;          /* legend text, may be NULL */
} sitmap_plugin_feature;

typedef void (*sitmap_emit_fn)(void* sink, const sitmap_plugin_feature* feature);

typedef struct {
    const char* name;
    /* config: the text after '?' in --plugin LIB.so?CONFIG (may be ""); returns NULL and sets
     * *error (static string) when the configuration is wrong. */
    void* (*create)(const char* config, const char** error);
    void (*destroy)(void* self);
    /* west, south, east, north; returns 0 when the layer has no extent. */
    int (*extent)(void* self, double bbox[4]);
    /* emits every feature inside bbox (west, south, east, north). */
    void (*features)(void* self, const double bbox[4], sitmap_emit_fn emit, void* sink);
    const char* attribution; /* may be NULL */
} sitmap_layer_plugin;

typedef uint32_t (*sitmap_plugin_abi_version_fn)(void);
typedef const sitmap_layer_plugin* (*sitmap_plugin_layer_fn)(void);

#ifdef __cplusplus
}
#endif

#endif
