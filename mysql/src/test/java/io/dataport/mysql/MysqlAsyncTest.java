package io.dataport.mysql;

import io.dataport.contract.AsyncContract;
import io.dataport.contract.DatabaseTarget;

class MysqlAsyncTest extends AsyncContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
