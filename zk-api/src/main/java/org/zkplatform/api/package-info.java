/**
 * Value types shared by every service-provider interface: {@link org.zkplatform.api.ServerId},
 * {@link org.zkplatform.api.Zxid}, and {@link org.zkplatform.api.Settings}, the read-only view
 * of configuration a provider receives.
 */
package org.zkplatform.api;
