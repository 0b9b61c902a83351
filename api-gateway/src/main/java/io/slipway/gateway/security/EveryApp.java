package io.slipway.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that reaches beyond any one app (creating apps, tokens, the audit log): a token limited to apps is
 * refused it with a 403, so a scoped admin cannot make itself a token of wider reach.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EveryApp {}
