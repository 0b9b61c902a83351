package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.slipway.gateway.service.AppViewChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Interceptor;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;

/**
 * Tells {@link AppViewChanges} when a transaction that wrote an {@link App} (its element collections included)
 * or a {@link Deployment} ends, and apart from those one that stored an engine's report (every stored report writes
 * its {@link PoolReport}). Hibernate sees every write of those entities, so no service has to remember to
 * say so; the count moves after the commit, so a list built after it reads the committed rows.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class AppViewChangeInterceptor implements Interceptor {

    /** Mark a transaction whose end is already awaited. */
    private static final Object AWAITED = new Object();

    private static final Object REPORT_AWAITED = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final AppViewChanges changes;

    public AppViewChangeInterceptor(TransactionSynchronizationRegistry transactions, AppViewChanges changes) {
        this.transactions = transactions;
        this.changes = changes;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        written(entity);
        return false;
    }

    @Override
    public boolean onFlushDirty(
            Object entity,
            Object id,
            Object[] currentState,
            Object[] previousState,
            String[] propertyNames,
            Type[] types) {
        written(entity);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        written(entity);
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        writtenCollection(collection);
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        writtenCollection(collection);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        writtenCollection(collection);
    }

    private void writtenCollection(Object collection) {
        if (collection instanceof PersistentCollection<?> persistent) {
            written(persistent.getOwner());
        }
    }

    private void written(Object entity) {
        if (entity instanceof App || entity instanceof Deployment) {
            atEnd(AWAITED, changes::ended);
        } else if (entity instanceof PoolReport) {
            atEnd(REPORT_AWAITED, changes::reportEnded);
        }
    }

    private void atEnd(Object mark, Runnable count) {
        if (transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        if (transactions.getResource(mark) == null) {
            transactions.putResource(mark, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    count.run();
                }
            });
        }
    }
}
