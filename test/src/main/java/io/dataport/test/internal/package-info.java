/** How dataport-test finds servers and makes databases; not part of its API. */
package io.dataport.test.internal;
