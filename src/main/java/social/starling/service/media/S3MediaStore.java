package social.starling.service.media;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import social.starling.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in an S3 bucket (AWS or any S3-compatible server: MinIO, Garage, Ceph, R2, s3rver in tests), through the
 * AWS SDK v2 on Apache HttpClient (which streams a file's bytes; the JDK's HttpURLConnection would hold them). A PUT replaces an object whole, so readers never see half of one. Objects
 * are written with their content type and a year-long immutable cache lifetime (keys are never reused: a new
 * upload gets a new random name), and read by the public at {@link Config.S3#publicUrl()} + "/" + key, which the
 * bucket or a CDN in front of it must serve. The bucket is not created here: an admin creates it, with public read.
 */
public final class S3MediaStore implements MediaStore {
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client s3;
    private final String bucket;
    private final String publicUrl;

    public S3MediaStore(Config.S3 config) {
        AwsCredentialsProvider credentials = config.accessKey().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle())
                // Checksums only where an operation requires them: the SDK's default (a CRC32 trailer on every PUT,
                // in aws-chunked encoding) is not understood by several S3-compatible servers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // A body in one piece, not in signed aws-chunked pieces: some S3-compatible servers (s3rver among
                // them) would store the chunk framing as the object. Over plain HTTP the SDK hashes the body first.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(32)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        config.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.bucket = config.bucket();
        this.publicUrl = config.publicUrl();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(request(key, contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    /** Streams the file (its length is known, so nothing is held in memory). */
    @Override
    public void put(String key, Path file, String contentType) {
        PutObjectRequest request = request(key, contentType);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException("cannot store " + key, new java.nio.file.NoSuchFileException(file.toString()));
        }
        try {
            s3.putObject(request, RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        MediaKeys.check(key);
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    /** S3's DELETE succeeds for a key that is not there, so deleting twice is fine. */
    @Override
    public void delete(String key) {
        MediaKeys.check(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // gone already (some S3-compatible servers say so)
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public String url(String key) {
        return publicUrl + "/" + MediaKeys.check(key);
    }

    @Override
    public void close() {
        s3.close();
    }

    private PutObjectRequest request(String key, String contentType) {
        return PutObjectRequest.builder()
                .bucket(bucket)
                .key(MediaKeys.check(key))
                .contentType(contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType)
                .cacheControl(CACHE_CONTROL)
                .build();
    }

    /** The store's failures are I/O failures, as the files' are: the caller handles one kind. */
    private UncheckedIOException failure(String verb, String key, SdkException e) {
        return new UncheckedIOException("cannot " + verb + " " + key + " in bucket " + bucket + ": " + e.getMessage(),
                new java.io.IOException(e));
    }
}
