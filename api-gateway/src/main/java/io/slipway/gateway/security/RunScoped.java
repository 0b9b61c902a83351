package io.slipway.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint whose path names a one-off run ({@code {id}}) rather than its app: a token limited to apps reaches it
 * only for a run of one of them, and sees any other as absent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RunScoped {}
