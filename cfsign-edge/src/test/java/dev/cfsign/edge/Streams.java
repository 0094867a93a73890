package dev.cfsign.edge;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tiny real streams made by ffmpeg (2 s, 10 fps, low resolution) under one folder: TS variants with a master and an
 * audio rendition, fMP4 with EXT-X-MAP, AES-128, a single-file byte-range stream and DASH with SegmentTemplate.
 */
final class Streams {
    static final String FFMPEG = "/usr/bin/ffmpeg";
    static final String VIDEO = "testsrc=size=%s:rate=10:duration=2";
    static final String AUDIO = "sine=frequency=440:sample_rate=44100:duration=2";

    private Streams() {}

    static boolean ffmpegPresent() {
        return new File(FFMPEG).canExecute();
    }

    /** Writes every stream below {@code root/v} and returns the master playlists' and MPD's paths, relative. */
    static void make(Path root) throws Exception {
        Path v = Files.createDirectories(root.resolve("v"));
        for (String d : List.of("ts/low", "ts/high", "ts/audio", "fmp4", "aes", "range", "dash")) {
            Files.createDirectories(v.resolve(d));
        }
        hls(v.resolve("ts/low"), video("160x90"), List.of("-an"));
        hls(v.resolve("ts/high"), video("320x180"), List.of("-an"));
        hls(v.resolve("ts/audio"), List.of("-f", "lavfi", "-i", AUDIO, "-c:a", "aac", "-b:a", "32k", "-vn"), List.of());
        Files.writeString(v.resolve("ts/master.m3u8"), "#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"audio/index.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x90,AUDIO=\"aud\"\nlow/index.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,AUDIO=\"aud\"\nhigh/index.m3u8\n");
        hls(v.resolve("fmp4"), both("160x90"), List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename",
                "init.mp4"));
        Files.write(v.resolve("aes/enc.key"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        Files.writeString(v.resolve("aes/keyinfo"), "enc.key\n" + v.resolve("aes/enc.key") + "\n");
        hls(v.resolve("aes"), both("160x90"), List.of("-hls_key_info_file", v.resolve("aes/keyinfo").toString()));
        Files.delete(v.resolve("aes/keyinfo"));
        hls(v.resolve("range"), both("160x90"), List.of("-hls_flags", "single_file"));
        List<String> dash = new ArrayList<>(List.of(FFMPEG, "-y", "-v", "error"));
        dash.addAll(both("160x90"));
        dash.addAll(List.of("-f", "dash", "-seg_duration", "1", "-use_template", "1", "-use_timeline", "1",
                v.resolve("dash/manifest.mpd").toString()));
        run(dash, v.resolve("dash"));
    }

    private static List<String> video(String size) {
        return List.of("-f", "lavfi", "-i", String.format(VIDEO, size), "-c:v", "libx264", "-preset", "ultrafast",
                "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-g", "10");
    }

    private static List<String> both(String size) {
        List<String> a = new ArrayList<>(List.of("-f", "lavfi", "-i", String.format(VIDEO, size), "-f", "lavfi", "-i",
                AUDIO, "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                "-g", "10", "-c:a", "aac", "-b:a", "32k"));
        return a;
    }

    private static void hls(Path dir, List<String> input, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-y", "-v", "error"));
        cmd.addAll(input);
        cmd.addAll(List.of("-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod"));
        cmd.addAll(extra);
        cmd.add(dir.resolve("index.m3u8").toString());
        run(cmd, dir);
    }

    /** Runs a command in {@code dir}; returns its exit code and output (stdout and stderr together). */
    static Result run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        Result r = new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        if (cmd.get(0).equals(FFMPEG) && !cmd.contains("null") && r.exit() != 0) {
            throw new IOException("ffmpeg failed making a stream: " + r.output());
        }
        return r;
    }

    record Result(int exit, String output) {}
}
