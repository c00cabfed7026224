/**
 * The annotations of kusto-typed: {@code @KustoTable}, {@code @Column}, {@code @KustoIgnore}, {@code KustoType},
 * {@code KustoTransform} and {@code @KustoGenerated}. Depends on nothing but {@code java.base}.
 */
module io.kustotyped.annotations {
    exports io.kustotyped.annotations;
}
